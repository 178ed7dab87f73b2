//! Support for the fuzz targets: what one input exercises ([`exercise`], [`exercise_cli`]) and the
//! structure-aware mutator ([`mutate`]) that turns a real template into the mistakes and attacks
//! users paste.

pub mod exercise;
pub mod exercise_cli;

/// Everything the fuzz targets run on one text: the core, then the CLI's renderers.
pub fn run_all(text: &str) {
    exercise::exercise_core(text);
    exercise_cli::exercise_cli(text);
}

use validator_core::parse;

/// Strings that break renderers, terminals and quoting, written as they would sit between the
/// quotes of a JSON string (raw control characters and lone surrogate escapes included: both
/// are invalid JSON that users still produce).
const HOSTILE: &[&str] = &[
    "\u{1b}]0;pwned\u{7}\u{1b}[2J",
    "\\u001b[31mred\\u001b[0m",
    "\t\r\u{0}\u{8}",
    "\u{202e}evil\u{202c}",
    "\u{2066}\u{2069}\u{200b}\u{feff}",
    "é",
    "\u{a0}",
    "“curly”",
    "日本語",
    "🦀\u{1f469}\u{200d}\u{1f4bb}",
    "\\ud800",
    "\\udc00\\ud800",
    "\\ud83e\\udd80",
    "\\u0000",
    "[parameters('x')]",
    "[[escaped",
    "<region>",
    "$(id)`\"'",
    "\\\\\\\"",
    "\r\n",
    "\u{2028}",
];

/// Whole values (or non-values) that replace a node's value.
const TOKENS: &[&str] = &[
    "tru",
    "nul",
    "1e99999",
    "-",
    "-0",
    "00",
    "0x10",
    "18446744073709551616",
    "NaN",
    "<region>",
    "'single'",
    "\"unterminated",
    "{\"a\":}",
    "[,]",
    "{",
    "]",
    "\"\\ud800\"",
    "\"[parameters('p')]\"",
    "\"[concat('a', 'b')]\"",
    "[]",
    "{}",
    "null",
];

/// A hostile string built from one to four [`HOSTILE`] pieces chosen by the bits of `selector`.
fn hostile(selector: u16) -> String {
    let count = 1 + (selector & 3) as usize;
    (0..count)
        .map(|i| HOSTILE[((selector >> (2 + 3 * i)) as usize + i) % HOSTILE.len()])
        .collect()
}

fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// A node's source ranges: its key's (for a member) and its value's, as byte ranges.
type Node = (Option<(usize, usize)>, (usize, usize));

/// The source spans of every node (up to a bound) of `text` as the lenient parser sees it.
fn nodes(text: &str) -> Vec<Node> {
    let parsed = parse::parse(text);
    let Some(root) = parsed.value else {
        return Vec::new();
    };
    let mut pointers = vec![String::new()];
    let mut out = Vec::new();
    while let Some(pointer) = pointers.pop() {
        if out.len() >= 4096 {
            break;
        }
        if let Some(spans) = parsed.index.get(&root, &pointer) {
            out.push((
                spans.key.map(|k| (k.start, k.end)),
                (spans.value.start, spans.value.end),
            ));
        }
        match root.pointer(&pointer) {
            Some(serde_json::Value::Object(map)) => pointers.extend(
                map.keys()
                    .map(|k| validator_core::pointer::join(&pointer, k)),
            ),
            Some(serde_json::Value::Array(items)) => pointers
                .extend((0..items.len()).map(|i| validator_core::pointer::join_index(&pointer, i))),
            _ => {}
        }
    }
    out
}

/// One edit, read from 7 bytes of the fuzzer's input.
struct Op {
    kind: u8,
    a: u16,
    b: u16,
    c: u16,
}

fn apply(text: &mut String, op: &Op) {
    let nodes = nodes(text);
    let node = (!nodes.is_empty()).then(|| nodes[op.a as usize % nodes.len()]);
    let at = |offset: u16, text: &str| floor_boundary(text, offset as usize * text.len() / 65536);
    match (op.kind % 12, node) {
        // Replace a value by a string of hostile characters.
        (0, Some((_, (start, end)))) => {
            text.replace_range(start..end, &format!("\"{}\"", hostile(op.b)));
        }
        // Replace a value by a broken or surprising token.
        (1, Some((_, (start, end)))) => {
            text.replace_range(start..end, TOKENS[op.b as usize % TOKENS.len()]);
        }
        // Delete a member or item (its comma stays: a trailing or doubled comma).
        (2, Some((key, (start, end)))) => {
            let start = key.map_or(start, |k| k.0);
            text.replace_range(start..end, "");
        }
        // Duplicate a member (a duplicate key) or an item.
        (3, Some((key, (start, end)))) => {
            let start = key.map_or(start, |k| k.0);
            let copy = format!(",\n{}", &text[start..end]);
            text.insert_str(end, &copy);
        }
        // A trailing comma after a value.
        (4, Some((_, (_, end)))) => text.insert(end, ','),
        // A comment before a node.
        (5, Some((key, (start, _)))) => {
            let start = key.map_or(start, |k| k.0);
            let comment = if op.b & 1 == 0 {
                format!("// {}\n", hostile(op.c))
            } else {
                format!("/* {} */", hostile(op.c))
            };
            text.insert_str(start, &comment);
        }
        // Rename a key to a hostile one or to a near miss (case, a dropped character).
        (6, Some((Some((start, end)), _))) => {
            let key = text[start..end].trim_matches('"').to_owned();
            let new = match op.b % 3 {
                0 => hostile(op.c),
                1 => key.to_uppercase(),
                _ => key.chars().skip(1).collect(),
            };
            text.replace_range(start..end, &format!("\"{new}\""));
        }
        // Repeat a value many times in an array: size and repetition.
        (7, Some((_, (start, end)))) => {
            let value = text[start..end].to_owned();
            // Bounded to about 64 KiB, the inputs' own cap, so that stacked repetitions cannot exhaust memory and
            // each execution stays fast (scaling is the benchmark's job, not the fuzzer's).
            let most = (1 << 16) / value.len().max(1);
            let copies = vec![value.as_str(); 1 + (op.b as usize % 300).min(most)];
            text.replace_range(start..end, &format!("[{}]", copies.join(",")));
        }
        // Nest a value deeply.
        (8, Some((_, (start, end)))) => {
            let depth = op.b as usize % 400;
            text.insert_str(end, &"]".repeat(depth));
            text.insert_str(start, &"[".repeat(depth));
        }
        // Delete a span of bytes.
        (9, _) => {
            let start = at(op.a, text);
            let end = floor_boundary(text, start + op.b as usize % 64);
            text.replace_range(start..end, "");
        }
        // Insert hostile characters anywhere (inside tokens, between them).
        (10, _) => {
            let start = at(op.a, text);
            text.insert_str(start, &hostile(op.b));
        }
        // Cut the text: half-typed input.
        (11, _) => {
            let end = at(op.a, text);
            text.truncate(end);
        }
        _ => {}
    }
}

/// The custom mutator of `check_structured`. libFuzzer's own mutations land on a uniformly random
/// byte, so on a 3 KB template they would almost never touch the few edit bytes at the front and
/// the structure-aware edits would hardly run. Half of the time this adds an edit (or rewrites
/// one) with random bytes instead; the other half, libFuzzer mutates as usual.
pub fn mutate_input(data: &mut [u8], size: usize, max_size: usize, seed: u32) -> usize {
    // splitmix64 of the seed libFuzzer gives, so that runs are reproducible.
    let mut state = u64::from(seed);
    let mut random = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    if size == 0 || random() % 2 == 0 {
        return libfuzzer_sys::fuzzer_mutate(data, size, max_size);
    }
    let count = ((data[0] % 8) as usize).min((size - 1) / 7);
    let header = 1 + 7 * count;
    let mut op = [0u8; 7];
    op.iter_mut().for_each(|b| *b = random() as u8);
    if count < 7 && size + 7 <= max_size && (count == 0 || random() % 2 == 0) {
        data.copy_within(header..size, header + 7);
        data[header..header + 7].copy_from_slice(&op);
        data[0] = count as u8 + 1;
        size + 7
    } else if count > 0 {
        let at = 1 + 7 * (random() as usize % count);
        data[at..at + 7].copy_from_slice(&op);
        data[0] = count as u8;
        size
    } else {
        libfuzzer_sys::fuzzer_mutate(data, size, max_size)
    }
}

/// Reads up to seven edits from the start of `data` (its first byte is their count) and applies
/// them to the template text that follows. A seed is a corpus template behind one zero byte.
pub fn mutate(data: &[u8]) -> String {
    let Some((&count, rest)) = data.split_first() else {
        return String::new();
    };
    let count = (count % 8) as usize;
    let (ops, template) = rest.split_at((count * 7).min(rest.len()));
    let mut text = String::from_utf8_lossy(template).into_owned();
    for chunk in ops.chunks_exact(7) {
        let word = |i: usize| u16::from_le_bytes([chunk[i], chunk[i + 1]]);
        apply(
            &mut text,
            &Op {
                kind: chunk[0],
                a: word(1),
                b: word(3),
                c: word(5),
            },
        );
    }
    text
}
