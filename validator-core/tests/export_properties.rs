//! Every value of a template reaches `az` byte for byte, whatever it holds.
//!
//! Bash: random hostile strings go into a template; the generated script is pasted into an
//! interactive `bash` (history expansion on, as in a terminal) where `az` is a shell function
//! that records its arguments; the arguments and the files the script wrote are compared with
//! the values. PowerShell cannot be installed here (no package in Debian's archive; the npm
//! `pwsh` package downloads from GitHub, which is unreachable), so its scripts are read back by
//! a lexer of PowerShell's documented quoting rules (single-quoted strings with every quote
//! character doubled, `@'…'@` here-strings) and the values compared the same way.

use std::collections::HashSet;
use std::io::Write;
use std::process::{Command, Stdio};

use proptest::prelude::*;
use serde_json::{json, Value};
use validator_core::export::{self, quote, Input, Kind, Options};
use validator_core::{ApiVersion, Os};

const FAKE_IDENTITY: &str = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/fake/providers/Microsoft.ManagedIdentity/userAssignedIdentities/fake";
const GUID: &str = "11111111-2222-3333-4444-555555555555";

/// Characters that break naive quoting in some shell or language, and ordinary ones.
fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(vec![
            '\'', '"', '$', '`', '\\', '!', '\n', '\r', '\t', ' ', '*', '?', '[', ']', '{', '}',
            '(', ')', ';', '&', '|', '<', '>', '#', '~', '%', '^', '@', '=', '-', ',', ':',
            '\u{1}', '\u{1b}', '\u{7f}', '\u{2018}', '\u{2019}', '\u{201A}', '\u{201B}',
            '\u{201C}', '\u{201D}', '\u{201E}', '\u{2013}', '\u{a0}', 'é', 'ß', '中', '😀', '€',
        ]),
        3 => prop::char::range('a', 'z'),
        1 => any::<char>().prop_filter("no NUL: no shell argument can hold one", |c| *c != '\0'),
    ]
}

/// Hostile strings, with words that end here-documents and here-strings mixed in.
fn hostile() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => hostile_char().prop_map(String::from),
        1 => prop::sample::select(vec![
            "AIB_JSON", "\nAIB_JSON\n", "EOF", "'@", "\n'@", "@'", "${HOME}", "$(id)", "!!",
            "!-1", "'\\''", "[[x]", "[ -d /opt ]", "\\u0000", "%PATH%", "--flag", "@file",
        ])
        .prop_map(str::to_owned),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|p| p.concat())
}

fn non_empty(s: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    s.prop_filter("empty", |s| !s.is_empty())
}

/// A segment of a resource ID: no `/`, no white space and no `<placeholder>` (an ID that
/// does not parse is not taken apart, so its parts would not be tested).
fn segment() -> impl Strategy<Value = String> {
    non_empty(hostile().prop_map(|s| {
        s.chars()
            .filter(|c| *c != '/' && *c != '<' && !c.is_whitespace())
            .collect()
    }))
}

#[derive(Debug, Clone)]
struct Case {
    template: Value,
    options: Options,
    /// The identity is a placeholder: the script creates one and writes its ID.
    created_identity: bool,
    identity_parts: Option<(String, String)>,
    identity_id: String,
    gallery: (String, String, String),
    sku: String,
    build_vm_identity: String,
    strings: Vec<String>,
}

fn case() -> impl Strategy<Value = Case> {
    (
        (non_empty(hostile()), non_empty(hostile()), non_empty(hostile().prop_map(|s| s.replace('<', "")))),
        (0..3u8, segment(), segment(), non_empty(hostile())),
        (segment(), segment(), segment(), non_empty(hostile())),
        prop::collection::vec(hostile(), 12),
        non_empty(hostile()),
    )
        .prop_map(|((rg, name, location), (identity_kind, id_rg, id_name, id_any), (g_rg, g_name, g_def, sku), mut s, vm_identity)| {
            // A tag key apart from the other key, so neither replaces the other.
            s[0] = format!("k-{}", s[0]);
            let parts = (identity_kind == 0).then(|| (id_rg.clone(), id_name.clone()));
            let identity_id = match identity_kind {
                0 => format!("/subscriptions/{GUID}/resourceGroups/{id_rg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/{id_name}"),
                1 => format!("x{}", id_any.replace('<', "")),
                _ => "<imgBuilderId>".to_owned(),
            };
            let template = json!({
                "type": "Microsoft.VirtualMachineImages/imageTemplates",
                "apiVersion": "2024-02-01",
                "location": location,
                "tags": {s[0].clone(): s[1].clone(), "plain": s[2].clone()},
                "identity": {"type": "UserAssigned", "userAssignedIdentities": {identity_id.clone(): {}}},
                "properties": {
                    "source": {"type": "PlatformImage", "publisher": s[3].clone(), "offer": s[4].clone(), "sku": sku.clone(), "version": "latest"},
                    "customize": [
                        {"type": "Shell", "name": s[5].clone(), "inline": [s[6].clone(), s[7].clone()]},
                        {"type": "File", "name": "f", "sourceUri": s[8].clone(), "destination": s[9].clone()}
                    ],
                    "vmProfile": {"userAssignedIdentities": [vm_identity.clone()]},
                    "distribute": [
                        {"type": "SharedImage", "runOutputName": s[10].clone(), "artifactTags": {"k": s[11].clone()},
                         "galleryImageId": format!("/subscriptions/{GUID}/resourceGroups/{g_rg}/providers/Microsoft.Compute/galleries/{g_name}/images/{g_def}")},
                        {"type": "VHD", "runOutputName": "vhd"}
                    ]
                }
            });
            let mut template = template;
            if vm_identity.len() % 2 == 0 {
                // A field Az.ImageBuilder's cmdlets lack: that script then sends the body.
                template["properties"]["errorHandling"] = json!({"onCustomizerError": "abort"});
            }
            Case {
                template,
                options: Options {
                    resource_group: Some(rg),
                    template_name: Some(name),
                    location: None,
                    identity_name: None,
                    policy: None,
                },
                created_identity: identity_kind == 2,
                identity_parts: parts,
                identity_id,
                gallery: (g_rg, g_name, g_def),
                sku,
                build_vm_identity: vm_identity,
                strings: s,
            }
        })
}

fn input(template: &Value) -> Input<'_> {
    Input {
        resource: template,
        pointer: "",
        deployment: None,
        api_version: ApiVersion::V2024_02_01,
        os: Some(Os::Linux),
    }
}

/// The body the script must write.
fn expected_body(case: &Case) -> Value {
    let mut body = export::json::body(&input(&case.template));
    if case.created_identity {
        body["identity"] =
            json!({"type": "UserAssigned", "userAssignedIdentities": {FAKE_IDENTITY: {}}});
    }
    body
}

const STUB: &str = r#"
az() {
  printf '%s\n' "$#" >> "$AIB_LOG"
  printf '%s\0' "$@" >> "$AIB_LOG"
  local query='' previous=''
  for a in "$@"; do
    [ "$previous" = --query ] && query=$a
    previous=$a
  done
  case "$1 $2 $3" in
    'account show '*) echo 00000000-0000-0000-0000-000000000000 ;;
    'identity show '*) if [ "$query" = id ]; then echo "$AIB_FAKE_ID"; else echo 22222222-0000-0000-0000-000000000000; fi ;;
    'group exists '*) echo false ;;
    'image builder show') return 1 ;;
  esac
  return 0
}
"#;

/// Runs the script as if pasted into an interactive bash; returns the calls to `az`.
fn run_bash(script: &str, dir: &std::path::Path) -> Vec<Vec<String>> {
    let log = dir.join("az.log");
    std::fs::write(dir.join("stub.sh"), STUB).unwrap();
    let mut child = Command::new("bash")
        .args(["--norc", "--noprofile", "-i"])
        .current_dir(dir)
        .env("AIB_LOG", &log)
        .env("AIB_FAKE_ID", FAKE_IDENTITY)
        .env("HISTFILE", dir.join("history"))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("bash runs");
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"source stub.sh\n").unwrap();
    stdin.write_all(script.as_bytes()).unwrap();
    stdin.write_all(b"\nexit\n").unwrap();
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !stderr.contains("event not found"),
        "history expansion: {stderr}"
    );
    assert!(!stderr.contains("syntax error"), "{stderr}");
    parse_log(&std::fs::read(&log).unwrap_or_default())
}

fn parse_log(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut calls = Vec::new();
    let mut rest = bytes;
    while !rest.is_empty() {
        let newline = rest.iter().position(|b| *b == b'\n').unwrap();
        let count: usize = std::str::from_utf8(&rest[..newline])
            .unwrap()
            .parse()
            .unwrap();
        rest = &rest[newline + 1..];
        let mut args = Vec::new();
        for _ in 0..count {
            let end = rest.iter().position(|b| *b == 0).unwrap();
            args.push(String::from_utf8(rest[..end].to_vec()).unwrap());
            rest = &rest[end + 1..];
        }
        calls.push(args);
    }
    calls
}

fn option<'a>(call: &'a [String], name: &str) -> Option<&'a str> {
    let at = call.iter().position(|a| a == name)?;
    call.get(at + 1).map(String::as_str)
}

fn find<'a>(calls: &'a [Vec<String>], words: &[&str]) -> Vec<&'a Vec<String>> {
    calls
        .iter()
        .filter(|c| c.len() >= words.len() && c[..words.len()] == *words)
        .collect()
}

fn check_bash(case: &Case) {
    let dir = tempdir();
    let e = export::render(Kind::AzCliBash, &input(&case.template), &case.options).unwrap();
    let calls = run_bash(&e.text, dir.path());
    let rg = case.options.resource_group.as_deref().unwrap();
    let name = case.options.template_name.as_deref().unwrap();
    let location = case.template["location"].as_str().unwrap();

    let create = find(&calls, &["resource", "create"]);
    assert_eq!(create.len(), 1, "{calls:?}");
    assert_eq!(option(create[0], "--resource-group"), Some(rg));
    assert_eq!(option(create[0], "--name"), Some(name));
    assert_eq!(option(create[0], "--api-version"), Some("2024-02-01"));
    assert_eq!(
        option(create[0], "--properties"),
        Some("@image-template.json")
    );
    let written = std::fs::read_to_string(dir.path().join("image-template.json")).unwrap();
    let body: Value = serde_json::from_str(&written).unwrap_or_else(|err| {
        let _ = std::fs::write(std::env::temp_dir().join("aib-failed-script.sh"), &e.text);
        panic!("the written file is not JSON ({err}):\n{written}")
    });
    assert_eq!(body, expected_body(case));
    if !case.created_identity {
        assert_eq!(
            written,
            export::json::render(&input(&case.template), &case.options).text,
            "byte for byte"
        );
    }

    let group = find(&calls, &["group", "create"]);
    assert_eq!(option(group[0], "--name"), Some(rg));
    assert_eq!(option(group[0], "--location"), Some(location));
    let run = find(&calls, &["image", "builder", "run"]);
    assert_eq!(option(run[0], "--name"), Some(name));

    match (&case.identity_parts, case.created_identity) {
        (Some((id_rg, id_name)), _) => {
            let c = find(&calls, &["identity", "create"]);
            assert_eq!(option(c[0], "--resource-group"), Some(id_rg.as_str()));
            assert_eq!(option(c[0], "--name"), Some(id_name.as_str()));
            let show = find(&calls, &["identity", "show"]);
            assert_eq!(option(show[0], "--ids"), Some(case.identity_id.as_str()));
        }
        (None, false) => {
            let show = find(&calls, &["identity", "show"]);
            assert_eq!(option(show[0], "--ids"), Some(case.identity_id.as_str()));
        }
        (None, true) => {
            let c = find(&calls, &["identity", "create"]);
            assert_eq!(option(c[0], "--resource-group"), Some(rg));
        }
    }

    let (g_rg, g_name, g_def) = &case.gallery;
    let sig = find(&calls, &["sig", "create"]);
    assert_eq!(option(sig[0], "--resource-group"), Some(g_rg.as_str()));
    assert_eq!(option(sig[0], "--gallery-name"), Some(g_name.as_str()));
    let def = find(&calls, &["sig", "image-definition", "create"]);
    assert_eq!(
        option(def[0], "--gallery-image-definition"),
        Some(g_def.as_str())
    );
    assert_eq!(option(def[0], "--sku"), Some(case.sku.as_str()));

    let scopes: HashSet<&str> = find(&calls, &["role", "assignment", "create"])
        .iter()
        .filter_map(|c| option(c, "--scope"))
        .collect();
    assert!(
        scopes.contains(case.build_vm_identity.as_str()),
        "{scopes:?}"
    );
    let gallery_scope = format!("/subscriptions/{GUID}/resourceGroups/{g_rg}");
    assert!(scopes.contains(gallery_scope.as_str()), "{scopes:?}");
    // The custom role's file holds the role name the assignments use.
    let role_file = std::fs::read_to_string(dir.path().join("aib-image-role.json")).unwrap();
    let role: Value = serde_json::from_str(&role_file).unwrap();
    assert_eq!(
        role["AssignableScopes"][0],
        "/subscriptions/00000000-0000-0000-0000-000000000000"
    );
}

/// A fresh directory under the target directory's temporary space.
fn tempdir() -> TempDir {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let path = std::env::temp_dir().join(format!(
        "aib-export-props-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&path).unwrap();
    TempDir(path)
}

struct TempDir(std::path::PathBuf);

impl TempDir {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What a PowerShell script's literal tokens hold, read by the language's quoting rules.
#[derive(Debug, Default)]
struct PsLiterals {
    single: Vec<String>,
    here: Vec<String>,
}

fn is_ps_double_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{201E}')
}

/// Lexes a PowerShell script: comments, single-quoted strings (a quote character followed by
/// another stands for the second), verbatim here-strings (from the line after `@'` to a line
/// starting `'@`), double-quoted strings (backtick escapes). Fails on an unterminated token.
fn lex_powershell(script: &str) -> Result<PsLiterals, String> {
    let chars: Vec<char> = script.chars().collect();
    let mut out = PsLiterals::default();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '#' {
            // A line comment ends at LF or at a lone CR.
            while i < chars.len() && chars[i] != '\n' && chars[i] != '\r' {
                i += 1;
            }
        } else if c == '@'
            && chars
                .get(i + 1)
                .copied()
                .is_some_and(quote::is_powershell_single_quote)
        {
            if chars.get(i + 2) != Some(&'\n') {
                return Err(format!("here-string opener not at line end at {i}"));
            }
            let start = i + 3;
            let mut j = start;
            loop {
                if j >= chars.len() {
                    return Err("unterminated here-string".into());
                }
                let line_start = j == start || chars[j - 1] == '\n';
                if line_start
                    && quote::is_powershell_single_quote(chars[j])
                    && chars.get(j + 1) == Some(&'@')
                {
                    break;
                }
                j += 1;
            }
            let end = if j > start { j - 1 } else { start };
            out.here.push(chars[start..end].iter().collect());
            i = j + 2;
            continue;
        } else if c == '(' && concat(&chars, i).is_some() {
            let (value, next) = concat(&chars, i).unwrap();
            out.single.push(value);
            i = next;
            continue;
        } else if quote::is_powershell_single_quote(c) {
            let (value, next) = single_quoted(&chars, i)?;
            out.single.push(value);
            i = next;
            continue;
        } else if is_ps_double_quote(c) {
            let mut j = i + 1;
            loop {
                let Some(&d) = chars.get(j) else {
                    return Err("unterminated double-quoted string".into());
                };
                if d == '`' {
                    j += 2;
                    continue;
                }
                if is_ps_double_quote(d) {
                    if chars.get(j + 1).copied().is_some_and(is_ps_double_quote) {
                        j += 2;
                        continue;
                    }
                    break;
                }
                j += 1;
            }
            i = j + 1;
            continue;
        }
        i += 1;
    }
    Ok(out)
}

/// A single-quoted string at `i`: its value and the index after it.
fn single_quoted(chars: &[char], i: usize) -> Result<(String, usize), String> {
    let mut value = String::new();
    let mut j = i + 1;
    loop {
        let Some(&d) = chars.get(j) else {
            return Err("unterminated string".into());
        };
        if quote::is_powershell_single_quote(d) {
            match chars.get(j + 1) {
                Some(&e) if quote::is_powershell_single_quote(e) => {
                    value.push(e);
                    j += 2;
                    continue;
                }
                _ => return Ok((value, j + 1)),
            }
        }
        value.push(d);
        j += 1;
    }
}

/// `('a' + [char]0x0A + 'b')`: the string the expression makes, and the index after it.
fn concat(chars: &[char], i: usize) -> Option<(String, usize)> {
    let mut value = String::new();
    let mut j = i + 1;
    loop {
        if chars
            .get(j)
            .copied()
            .is_some_and(quote::is_powershell_single_quote)
        {
            let (part, next) = single_quoted(chars, j).ok()?;
            value.push_str(&part);
            j = next;
        } else if chars[j..].starts_with(&['[', 'c', 'h', 'a', 'r', ']', '0', 'x']) {
            j += 8;
            let start = j;
            while chars.get(j).is_some_and(|c| c.is_ascii_hexdigit()) {
                j += 1;
            }
            let hex: String = chars[start..j].iter().collect();
            value.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
        } else {
            return None;
        }
        match chars.get(j..j + 3) {
            Some([' ', '+', ' ']) => j += 3,
            _ if chars.get(j) == Some(&')') => return Some((value, j + 1)),
            _ => return None,
        }
    }
}

fn check_powershell(case: &Case) {
    let rg = case.options.resource_group.clone().unwrap();
    let name = case.options.template_name.clone().unwrap();
    let location = case.template["location"].as_str().unwrap().to_owned();
    let body_text = export::json::render(&input(&case.template), &case.options).text;
    for kind in [Kind::AzCliPowerShell, Kind::AzurePowerShell] {
        let e = export::render(kind, &input(&case.template), &case.options).unwrap();
        let lexed =
            lex_powershell(&e.text).unwrap_or_else(|err| panic!("{kind:?}: {err}\n{}", e.text));
        for value in [
            &rg,
            &name,
            &location,
            &case.sku,
            &case.build_vm_identity,
            &case.gallery.1,
        ] {
            assert!(
                lexed.single.contains(value),
                "{kind:?}: {value:?} not a literal"
            );
        }
        let template_here = lexed.here.iter().find(|h| h.contains("\"properties\""));
        match (kind, template_here) {
            (_, Some(here)) => {
                let parsed: Value = serde_json::from_str(here).unwrap();
                let mut expected = export::json::body(&input(&case.template));
                if case.created_identity {
                    // The script replaces the marker with the created identity's ID.
                    let key = parsed["identity"]["userAssignedIdentities"]
                        .as_object()
                        .unwrap()
                        .keys()
                        .next()
                        .unwrap()
                        .clone();
                    assert!(key.starts_with("AIB_IDENTITY_ID"));
                    expected["identity"]["userAssignedIdentities"] = json!({key: {}});
                } else {
                    assert_eq!(format!("{here}\n"), body_text);
                }
                assert_eq!(parsed, expected);
            }
            (Kind::AzurePowerShell, None) => {
                // The cmdlets route: every template string is a literal argument.
                for value in case.strings.iter().filter(|s| !s.is_empty()) {
                    assert!(lexed.single.contains(value), "{value:?} not a literal");
                }
            }
            (_, None) => panic!("{kind:?}: no template here-string"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn bash_scripts_pass_every_value_exactly(case in case()) {
        check_bash(&case);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn powershell_scripts_quote_every_value_exactly(case in case()) {
        check_powershell(&case);
    }

    #[test]
    fn single_quoting_round_trips(value in hostile()) {
        let bash = quote::bash(&value);
        let lexed = lex_powershell(&format!("$x = {}\n", quote::powershell(&value))).unwrap();
        prop_assert_eq!(&lexed.single, &vec![value.clone()]);
        // Nothing a terminal would take for a key reaches it raw.
        prop_assert!(!bash.chars().any(char::is_control));
        prop_assert!(!quote::powershell(&value).chars().any(char::is_control));
    }
}

#[test]
fn the_lexer_follows_the_documented_examples() {
    // quoting.md §6 and about_Quoting_Rules: `'it''s'`, typographic quotes, here-strings.
    let lexed =
        lex_powershell("$a = 'it''s'; $b = 'don\u{2019}\u{2019}t' # c'\n$h = @'\nx '@ y\n'@\n")
            .unwrap();
    assert_eq!(lexed.single, vec!["it's", "don\u{2019}t"]);
    assert_eq!(lexed.here, vec!["x '@ y"]);
    assert!(lex_powershell("$a = 'open").is_err());
}
