//! A tiny script language both Azure CLI flavours are written in, so bash and PowerShell say
//! the same steps and each quotes by its own rules in one place.

use super::quote;

/// One command-line word.
#[derive(Debug, Clone)]
pub enum Arg {
    /// A word of our own that needs no quoting in either shell (`--name`, `group`).
    Word(&'static str),
    /// A value, quoted whatever it holds.
    Lit(String),
    /// A script variable's value, as one word.
    Var(String),
    /// Words of our own and variables run together, as one word (`/subscriptions/$sub`).
    Concat(Vec<Arg>),
}

pub fn lit(value: impl Into<String>) -> Arg {
    Arg::Lit(value.into())
}

pub fn var(name: impl Into<String>) -> Arg {
    Arg::Var(name.into())
}

/// A command and its arguments.
#[derive(Debug, Clone)]
pub struct Cmd(pub Vec<Arg>);

impl Cmd {
    /// `az` followed by words of our own.
    pub fn az(words: &[&'static str]) -> Cmd {
        let mut args = vec![Arg::Word("az")];
        args.extend(words.iter().map(|w| Arg::Word(w)));
        Cmd(args)
    }

    /// Adds an option and its value.
    pub fn opt(mut self, name: &'static str, value: Arg) -> Cmd {
        self.0.push(Arg::Word(name));
        self.0.push(value);
        self
    }

    pub fn flag(mut self, name: &'static str) -> Cmd {
        self.0.push(Arg::Word(name));
        self
    }
}

/// One statement.
#[derive(Debug, Clone)]
pub enum Line {
    Blank,
    /// A comment; several lines allowed.
    Comment(String),
    /// `name='value'` / `$name = 'value'`.
    Set(String, Arg),
    /// The trimmed output of a command in a variable.
    Capture(String, Cmd),
    Run(Cmd),
    /// A command for later, printed as a comment the user can paste.
    Later(Cmd),
    /// Writes `text` to the file named by the variable, LF line ends, no BOM, with each
    /// marker replaced by a variable's value. Markers stand alone as JSON strings.
    WriteFile {
        path_var: String,
        text: String,
        inject: Vec<(String, String)>,
    },
    /// Runs `body` unless `test` prints `true` (`az group exists`).
    UnlessTrue {
        test: Cmd,
        body: Vec<Line>,
    },
    /// Runs `body` when `test` prints nothing (a list query that found nothing).
    IfEmpty {
        test: Cmd,
        body: Vec<Line>,
    },
    /// A file name in a variable: as given in bash; made absolute in PowerShell, because .NET
    /// resolves relative paths against the process's directory, not the current location.
    SetPath(String, String),
    /// Runs `then` when `test` succeeds, `otherwise` when it fails; `test`'s output is hidden.
    IfSucceeds {
        test: Cmd,
        then: Vec<Line>,
        otherwise: Vec<Line>,
    },
    /// Prints `message` on standard error when the variable is not a region's short name.
    WarnUnlessRegion {
        var: String,
        message: String,
    },
    /// Prints a message.
    Say(String),
}

/// Every value the lines pass as a literal word (command arguments and variables set from
/// literals), in order: what the shell, and then the command line, must carry intact.
pub fn literals(lines: &[Line]) -> Vec<&str> {
    fn walk<'l>(lines: &'l [Line], out: &mut Vec<&'l str>) {
        let args = |cmd: &'l Cmd, out: &mut Vec<&'l str>| {
            for arg in &cmd.0 {
                arg_literals(arg, out);
            }
        };
        for line in lines {
            match line {
                Line::Set(_, value) => arg_literals(value, out),
                Line::Capture(_, c) | Line::Run(c) | Line::Later(c) => args(c, out),
                Line::UnlessTrue { test, body } | Line::IfEmpty { test, body } => {
                    args(test, out);
                    walk(body, out);
                }
                Line::IfSucceeds {
                    test,
                    then,
                    otherwise,
                } => {
                    args(test, out);
                    walk(then, out);
                    walk(otherwise, out);
                }
                _ => {}
            }
        }
    }
    fn arg_literals<'l>(arg: &'l Arg, out: &mut Vec<&'l str>) {
        match arg {
            Arg::Lit(value) => out.push(value),
            Arg::Concat(parts) => parts.iter().for_each(|p| arg_literals(p, out)),
            Arg::Word(_) | Arg::Var(_) => {}
        }
    }
    let mut out = Vec::new();
    walk(lines, &mut out);
    out
}

/// The two shells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shell {
    Bash,
    PowerShell,
}

pub fn render(lines: &[Line], shell: Shell) -> String {
    let mut out = String::new();
    for line in lines {
        render_line(line, shell, "", &mut out);
    }
    out
}

fn render_line(line: &Line, shell: Shell, indent: &str, out: &mut String) {
    let bash = shell == Shell::Bash;
    let mut push = |text: &str| {
        out.push_str(indent);
        out.push_str(text);
        out.push('\n');
    };
    match line {
        Line::Blank => out.push('\n'),
        Line::Comment(text) => {
            for l in comment_lines(text) {
                push(format!("# {}", quote::comment(l)).trim_end());
            }
        }
        Line::Set(name, value) => push(&if bash {
            format!("{name}={}", arg(value, shell))
        } else {
            format!("${name} = {}", arg(value, shell))
        }),
        Line::Capture(name, cmd) => push(&if bash {
            format!("{name}=$({})", command(cmd, shell))
        } else {
            format!("${name} = {}", command(cmd, shell))
        }),
        Line::Run(cmd) => push(&command(cmd, shell)),
        Line::Later(cmd) => push(&format!("#   {}", command(cmd, shell))),
        Line::Say(text) => push(&if bash {
            format!("echo {}", quote::bash(text))
        } else {
            format!("Write-Output {}", quote::powershell(text))
        }),
        Line::WarnUnlessRegion { var, message } => push(&if bash {
            format!(
                "case \"${var}\" in ''|*[!a-z0-9]*) echo {} >&2 ;; esac",
                quote::bash(message)
            )
        } else {
            format!(
                "if (${var} -cnotmatch '^[a-z0-9]+$') {{ Write-Warning {} }}",
                quote::powershell(message)
            )
        }),
        Line::WriteFile {
            path_var,
            text,
            inject,
        } => {
            if bash {
                write_file_bash(path_var, text, inject, indent, out)
            } else {
                write_file_powershell(path_var, text, inject, indent, out)
            }
        }
        Line::SetPath(name, file) => push(&if bash {
            format!("{name}={}", quote::bash(file))
        } else {
            format!(
                "${name} = Join-Path (Get-Location) {}",
                quote::powershell(file)
            )
        }),
        Line::UnlessTrue { test, body } | Line::IfEmpty { test, body } => {
            let empty = matches!(line, Line::IfEmpty { .. });
            push(&match (bash, empty) {
                (true, false) => format!("if [ \"$({})\" != true ]; then", command(test, shell)),
                (true, true) => format!("if [ -z \"$({})\" ]; then", command(test, shell)),
                (false, false) => format!("if (({}) -ne 'true') {{", command(test, shell)),
                (false, true) => format!("if (-not ({})) {{", command(test, shell)),
            });
            let inner = format!("{indent}  ");
            for l in body {
                render_line(l, shell, &inner, out);
            }
            out.push_str(indent);
            out.push_str(if bash { "fi\n" } else { "}\n" });
        }
        Line::IfSucceeds {
            test,
            then,
            otherwise,
        } => {
            let inner = format!("{indent}  ");
            out.push_str(indent);
            if bash {
                out.push_str(&format!(
                    "if {} >/dev/null 2>&1; then\n",
                    command(test, shell)
                ));
            } else {
                out.push_str(&format!(
                    "{} 2>$null | Out-Null\n{indent}if ($LASTEXITCODE -eq 0) {{\n",
                    command(test, shell)
                ));
            }
            for l in then {
                render_line(l, shell, &inner, out);
            }
            out.push_str(indent);
            out.push_str(if bash { "else\n" } else { "} else {\n" });
            for l in otherwise {
                render_line(l, shell, &inner, out);
            }
            out.push_str(indent);
            out.push_str(if bash { "fi\n" } else { "}\n" });
        }
    }
}

/// The lines of a comment. PowerShell ends a line comment at a lone CR too, so a value with
/// one must not continue the comment as code.
pub fn comment_lines(text: &str) -> impl Iterator<Item = &str> {
    text.split(['\n', '\r'])
}

pub fn command(cmd: &Cmd, shell: Shell) -> String {
    let words: Vec<String> = cmd.0.iter().map(|a| arg(a, shell)).collect();
    words.join(" ")
}

pub fn arg(value: &Arg, shell: Shell) -> String {
    match (value, shell) {
        (Arg::Word(w), _) => (*w).to_owned(),
        (Arg::Lit(s), Shell::Bash) => quote::bash(s),
        (Arg::Lit(s), Shell::PowerShell) => quote::powershell(s),
        (Arg::Var(name), Shell::Bash) => format!("\"${name}\""),
        (Arg::Var(name), Shell::PowerShell) => format!("${name}"),
        (Arg::Concat(parts), _) => concat(parts, shell),
    }
}

/// One double-quoted word: our own words verbatim, variables as `${name}`. A literal that
/// holds a character special in double quotes is closed off in single quotes instead.
fn concat(parts: &[Arg], shell: Shell) -> String {
    let special: &[char] = match shell {
        Shell::Bash => &['$', '`', '\\', '"', '!'],
        Shell::PowerShell => &['$', '`', '"', '\u{201C}', '\u{201D}', '\u{201E}'],
    };
    let mut out = String::from("\"");
    for part in parts {
        match part {
            Arg::Var(name) => out.push_str(&format!("${{{name}}}")),
            Arg::Word(text) if !text.contains(special) => out.push_str(text),
            Arg::Lit(text) if !text.contains(special) => out.push_str(text),
            Arg::Word(_) | Arg::Lit(_) => {
                let text = match part {
                    Arg::Word(w) => w.to_string(),
                    Arg::Lit(l) => l.clone(),
                    _ => unreachable!(),
                };
                // Close the double quotes, add the text quoted on its own, reopen.
                let quoted = match shell {
                    Shell::Bash => quote::bash(&text),
                    Shell::PowerShell => return concat_powershell_fallback(parts),
                };
                out.push('"');
                out.push_str(&quoted);
                out.push('"');
            }
            Arg::Concat(inner) => out.push_str(concat(inner, shell).trim_matches('"')),
        }
    }
    out.push('"');
    out
}

/// PowerShell cannot juxtapose quoted strings into one word; join with `+` instead.
fn concat_powershell_fallback(parts: &[Arg]) -> String {
    let pieces: Vec<String> = parts.iter().map(|p| arg(p, Shell::PowerShell)).collect();
    format!("({})", pieces.join(" + "))
}

/// The text in a quoted here-document, so nothing in it is expanded. JSON never holds a line
/// equal to the delimiter (its strings escape newlines), and it is checked anyway. A line with
/// a marker is written by `printf` instead, the marker replaced by the variable.
fn write_file_bash(
    path_var: &str,
    text: &str,
    inject: &[(String, String)],
    indent: &str,
    out: &mut String,
) {
    let mut delimiter = String::from("AIB_JSON");
    while text.lines().any(|l| l == delimiter) {
        delimiter.push('_');
    }
    out.push_str(&format!("{indent}{{\n"));
    let mut in_heredoc = false;
    for line in text.lines() {
        let marker = inject.iter().find(|(m, _)| line.contains(m.as_str()));
        match marker {
            None => {
                if !in_heredoc {
                    out.push_str(&format!("{indent}  cat <<'{delimiter}'\n"));
                    in_heredoc = true;
                }
                out.push_str(line);
                out.push('\n');
            }
            Some((marker, var)) => {
                if in_heredoc {
                    out.push_str(&format!("{delimiter}\n"));
                    in_heredoc = false;
                }
                let (before, after) = line.split_once(marker.as_str()).unwrap_or((line, ""));
                out.push_str(&format!(
                    "{indent}  printf '%s%s%s\\n' {} \"${var}\" {}\n",
                    quote::bash(before),
                    quote::bash(after)
                ));
            }
        }
    }
    if in_heredoc {
        out.push_str(&format!("{delimiter}\n"));
    }
    out.push_str(&format!("{indent}}} > \"${path_var}\"\n"));
}

/// The text in a verbatim here-string (`@'…'@`: its end is a line starting with `'@`, which
/// ASCII-only JSON never has), written by .NET as UTF-8 without BOM (`Out-File` in Windows
/// PowerShell 5.1 would write UTF-16). Markers are JSON strings, replaced by the variable's
/// value as JSON (`ConvertTo-Json` escapes whatever it holds).
fn write_file_powershell(
    path_var: &str,
    text: &str,
    inject: &[(String, String)],
    indent: &str,
    out: &mut String,
) {
    debug_assert!(!text
        .lines()
        .any(|l| l.starts_with(quote::is_powershell_single_quote) && l[1..].starts_with('@')));
    out.push_str(&format!("{indent}$json = @'\n{text}\n'@\n"));
    for (marker, var) in inject {
        out.push_str(&format!(
            "{indent}$json = $json.Replace('\"{marker}\"', (ConvertTo-Json -InputObject ${var}))\n"
        ));
    }
    out.push_str(&format!(
        "{indent}[System.IO.File]::WriteAllText(${path_var}, $json.Replace(\"`r`n\", \"`n\"))\n"
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_both_shells() {
        let lines = vec![
            Line::Set("rg".into(), lit("it's")),
            Line::Run(Cmd::az(&["group", "create"]).opt("--name", var("rg")).opt(
                "--scope",
                Arg::Concat(vec![Arg::Word("/subscriptions/"), var("sub")]),
            )),
        ];
        assert_eq!(
            render(&lines, Shell::Bash),
            "rg='it'\\''s'\naz group create --name \"$rg\" --scope \"/subscriptions/${sub}\"\n"
        );
        assert_eq!(
            render(&lines, Shell::PowerShell),
            "$rg = 'it''s'\naz group create --name $rg --scope \"/subscriptions/${sub}\"\n"
        );
    }

    #[test]
    fn comments_cannot_turn_into_code() {
        // PowerShell ends a comment at a lone CR; a raw DEL would erase the `#` when pasted.
        let lines = vec![Line::Comment("name a\rRemove-Item x\u{7f}\u{7f}".into())];
        for shell in [Shell::Bash, Shell::PowerShell] {
            assert_eq!(
                render(&lines, shell),
                "# name a\n# Remove-Item x\\u{7f}\\u{7f}\n"
            );
        }
    }

    #[test]
    fn writes_files_with_markers() {
        let lines = vec![Line::WriteFile {
            path_var: "f".into(),
            text: "{\n  \"location\": \"MARK\",\n  \"x\": 1\n}".into(),
            inject: vec![("MARK".into(), "location".into())],
        }];
        let bash = render(&lines, Shell::Bash);
        assert!(bash.contains("printf '%s%s%s\\n' '  \"location\": \"' \"$location\" '\",'"));
        let ps = render(&lines, Shell::PowerShell);
        assert!(ps.contains("$json.Replace('\"MARK\"', (ConvertTo-Json -InputObject $location))"));
    }
}
