-- Drives `aib lsp` from Neovim's built-in LSP client (0.7.2, Debian's), run by
-- cli/tests/nvim.rs: `nvim --headless -u NONE -i NONE -c 'luafile quick_fix.lua'`.
--
-- It opens AIB_TEMPLATE (a corpus template with a planted mistake: `buildTimeoutInMinute`,
-- with `"é😀": 1, ` before it on its line), waits for diagnostics, checks the mistake's column
-- in UTF-16 units as published and in bytes as Neovim placed it, applies the quick fix, waits
-- for the server to check the changed text, and writes the buffer to AIB_RESULT. Any failure
-- is written to AIB_RESULT too, and the exit status is 1.

local aib = os.getenv('AIB_BIN')
local template = os.getenv('AIB_TEMPLATE')
local result = os.getenv('AIB_RESULT')
local patience = 60000

local function finish(text, status)
  local file = assert(io.open(result, 'w'))
  file:write(text)
  file:close()
  vim.cmd(status == 0 and 'qall!' or 'cquit 1')
end

local function check(condition, message)
  if not condition then
    finish('FAILED: ' .. message .. '\n', 1)
    error(message)
  end
end

-- Every publishDiagnostics as the server sent it (UTF-16 columns), passed on to Neovim's own
-- handler (which turns them into byte columns for vim.diagnostic).
local published = {}
local client_id = vim.lsp.start_client({
  name = 'aib',
  cmd = { aib, 'lsp' },
  root_dir = vim.fn.fnamemodify(template, ':h'),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
      table.insert(published, params)
      vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
    end,
  },
})
check(client_id ~= nil, 'the client did not start')

vim.cmd('edit ' .. vim.fn.fnameescape(template))
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)

local function misspelt_in(params)
  for _, d in ipairs(params.diagnostics) do
    if d.message:find('`buildTimeoutInMinute`', 1, true) then
      return d
    end
  end
end

check(vim.wait(patience, function() return #published > 0 end, 20), 'no diagnostics')
local misspelt = misspelt_in(published[#published])
check(misspelt ~= nil, 'no diagnostic for buildTimeoutInMinute')
check(misspelt.code == 'AIB030', 'code ' .. tostring(misspelt.code))

-- The line is `        "é😀": 1, "buildTimeoutInMinute" : 80,`: 8 spaces and `"é😀": 1, `
-- are 18 UTF-16 units and 21 bytes.
local line = vim.api.nvim_buf_get_lines(bufnr, misspelt.range.start.line, misspelt.range.start.line + 1, true)[1]
check(misspelt.range.start.character == 18, 'UTF-16 column ' .. misspelt.range.start.character)
local placed
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  if d.message:find('`buildTimeoutInMinute`', 1, true) then
    placed = d
  end
end
check(placed ~= nil, 'Neovim did not place the diagnostic')
check(placed.col == 21, 'byte column ' .. placed.col)
check(line:sub(placed.col + 1, placed.col + 22) == '"buildTimeoutInMinute"', 'placed at ' .. line:sub(placed.col + 1))

-- The quick fix, applied as Neovim applies a workspace edit.
local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = misspelt.range,
  context = { diagnostics = { misspelt } },
}, patience)
local fix
for _, response in pairs(responses or {}) do
  for _, action in ipairs(response.result or {}) do
    if action.title == 'rename `buildTimeoutInMinute` to `buildTimeoutInMinutes`' then
      fix = action
    end
  end
end
check(fix ~= nil, 'no quick fix')
local count = #published
vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')

-- The server hears of the change incrementally and checks again.
check(vim.wait(patience, function() return #published > count end, 20), 'no diagnostics after the fix')
check(misspelt_in(published[#published]) == nil, 'the mistake is still reported')

local text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, true), '\n') .. '\n'
vim.lsp.stop_client(client_id)
finish(text, 0)
