//! `docs/cli.md`, the reference of every command and flag, generated from the command
//! line's own definition, and the tests that keep both honest: the file must equal what
//! clap says (`TREATYWATCH_BLESS=1 cargo test -p treatywatch reference` rewrites it), and
//! every argument must have help.

use clap::{Arg, Command, CommandFactory};

use crate::cli::Cli;

/// The command line, built (global arguments propagated, usage computed).
fn built() -> Command {
    let mut c = Cli::command().disable_help_subcommand(true);
    c.build();
    c
}

/// Every command, depth first, with its full name (`treatywatch export panel`).
fn walk<'a>(c: &'a Command, name: String, out: &mut Vec<(String, &'a Command)>) {
    out.push((name.clone(), c));
    for sub in c.get_subcommands().filter(|s| !s.is_hide_set()) {
        walk(sub, format!("{name} {}", sub.get_name()), out);
    }
}

/// Help text on one line, ending as a sentence (clap drops the full stop of one-line
/// help).
fn plain(s: impl ToString) -> String {
    let mut s = s
        .to_string()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if !s.is_empty() && !s.ends_with(['.', '?', '!', ':']) {
        s.push('.');
    }
    s
}

/// How the argument is written: `--treaty <TREATY>`, `<STATE>...`, `--wide`.
fn spelling(a: &Arg) -> String {
    let values = a
        .get_value_names()
        .map(|v| {
            v.iter()
                .map(|n| format!("<{n}>"))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|| format!("<{}>", a.get_id().as_str().to_uppercase()));
    let many = matches!(a.get_action(), clap::ArgAction::Append);
    let dots = if many { "..." } else { "" };
    if a.is_positional() {
        return format!("{values}{dots}");
    }
    let flag = match (a.get_short(), a.get_long()) {
        (Some(s), Some(l)) => format!("-{s}, --{l}"),
        (None, Some(l)) => format!("--{l}"),
        (Some(s), None) => format!("-{s}"),
        (None, None) => a.get_id().to_string(),
    };
    if a.get_action().takes_values() {
        format!("{flag} {values}{dots}")
    } else {
        flag
    }
}

fn describe(a: &Arg) -> String {
    let mut s = plain(a.get_help().map(ToString::to_string).unwrap_or_default());
    let values: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| match v.get_help() {
            Some(h) => format!("`{}`: {}", v.get_name(), plain(h).trim_end_matches('.')),
            None => format!("`{}`", v.get_name()),
        })
        .collect();
    let is_bool = !a.get_action().takes_values();
    if !values.is_empty() && !is_bool {
        s.push_str(&format!(" Values: {}.", values.join("; ")));
    }
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|d| d.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !is_bool {
        s.push_str(&format!(" Default: `{}`.", defaults.join(", ")));
    }
    if a.is_required_set() {
        s.push_str(" Required.");
    }
    s.replace('|', "\\|")
}

fn args_table(md: &mut String, args: &[&Arg]) {
    if args.is_empty() {
        return;
    }
    md.push_str("| argument | meaning |\n|---|---|\n");
    for a in args {
        md.push_str(&format!(
            "| `{}` | {} |\n",
            spelling(a).replace('|', "\\|"),
            describe(a)
        ));
    }
    md.push('\n');
}

/// The markdown reference.
pub fn markdown() -> String {
    let root = built();
    let mut commands = Vec::new();
    walk(&root, "treatywatch".to_string(), &mut commands);
    let mut md = String::from(
        "# The command line\n\n\
         Every command and flag of `treatywatch`, generated from its definition\n\
         (`crates/treatywatch/src/cli.rs`): a test fails when this file differs from it, and\n\
         `TREATYWATCH_BLESS=1 cargo test -p treatywatch reference` writes it anew. The same\n\
         text is in `treatywatch COMMAND --help`, in the manual (`treatywatch man`) and in the\n\
         shell completions (`treatywatch completions SHELL`).\n\n\
         Output for people (`--format table`, the default) is sized to the terminal: the\n\
         terminal's width when standard output is one, `COLUMNS` when it is set, no limit\n\
         when the output is piped or redirected (one row per line, nothing wrapped), and no\n\
         limit with `--wide`. Long names and notes wrap; dates, codes and URLs are never\n\
         broken; when a table cannot fit, its least needed columns are left out and named\n\
         under it. JSON and CSV are never sized. A closed pipe (`| head`) ends the program\n\
         quietly, with exit status 0.\n\n",
    );
    md.push_str("## Options of every command\n\n");
    let globals: Vec<&Arg> = root
        .get_arguments()
        .filter(|a| a.is_global_set() || a.get_id() == "help" || a.get_id() == "version")
        .collect();
    args_table(&mut md, &globals);
    md.push_str("## Commands\n\n");
    for (name, c) in commands.iter().skip(1) {
        let about = c.get_about().map(plain).unwrap_or_default();
        md.push_str(&format!(
            "- [`{name}`](#{}): {about}\n",
            name.replace(' ', "-")
        ));
    }
    md.push('\n');
    for (name, c) in commands.iter().skip(1) {
        md.push_str(&format!("## {name}\n\n"));
        if let Some(about) = c.get_long_about().or(c.get_about()) {
            md.push_str(&format!("{}\n\n", plain(about)));
        }
        let mut c = (*c).clone();
        let usage = c.render_usage().to_string();
        let usage = usage.split_whitespace().collect::<Vec<_>>().join(" ");
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage).to_string();
        md.push_str(&format!("```\n{usage}\n```\n\n"));
        let args: Vec<&Arg> = c
            .get_arguments()
            .filter(|a| !a.is_global_set() && a.get_id() != "help" && a.get_id() != "version")
            .collect();
        args_table(&mut md, &args);
        if let Some(after) = c.get_after_help() {
            md.push_str(&format!("```\n{}\n```\n\n", after.to_string().trim_end()));
        }
    }
    md.truncate(md.trim_end().len());
    md.push('\n');
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_docs_cli_md_is_generated_from_clap() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/cli.md");
        let want = markdown();
        if std::env::var_os("TREATYWATCH_BLESS").is_some() {
            std::fs::write(&path, &want).unwrap();
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == want,
            "docs/cli.md differs from the command line's definition: run \
             `TREATYWATCH_BLESS=1 cargo test -p treatywatch reference` and commit it"
        );
    }

    #[test]
    fn every_argument_of_every_command_has_help() {
        let root = built();
        let mut commands = Vec::new();
        walk(&root, "treatywatch".to_string(), &mut commands);
        let mut missing = Vec::new();
        for (name, c) in &commands {
            if c.get_about().is_none() {
                missing.push(format!("{name} (the command)"));
            }
            for a in c.get_arguments() {
                if a.get_help().is_none_or(|h| h.to_string().trim().is_empty()) {
                    missing.push(format!("{name} {}", spelling(a)));
                }
            }
        }
        assert!(missing.is_empty(), "no help text: {missing:#?}");
    }

    #[test]
    fn the_main_commands_have_examples() {
        let root = built();
        for name in [
            "status",
            "parties",
            "timeline",
            "deadlines",
            "records",
            "calendar",
            "annotate",
            "changes",
            "completions",
            "man",
        ] {
            let c = root.find_subcommand(name).unwrap();
            let after = c
                .get_after_help()
                .map(|s| s.to_string())
                .unwrap_or_default();
            assert!(after.contains("treatywatch "), "{name}: no examples");
        }
        let panel = root
            .find_subcommand("export")
            .and_then(|e| e.find_subcommand("panel"))
            .unwrap();
        assert!(panel.get_after_help().is_some());
    }

    #[test]
    fn help_examples_parse() {
        // Every example line of every --help parses as a command line (shell
        // redirections, pipes and comments cut off).
        let root = built();
        let mut commands = Vec::new();
        walk(&root, "treatywatch".to_string(), &mut commands);
        let mut seen = 0;
        for (_, c) in &commands {
            let Some(after) = c.get_after_help() else {
                continue;
            };
            for line in after.to_string().lines() {
                let line = line.trim_start();
                let Some(rest) = line.strip_prefix("treatywatch ") else {
                    continue;
                };
                let rest = rest.split("  ").next().unwrap_or(rest);
                let rest = rest.split(['|', '>', '<']).next().unwrap_or(rest);
                let words = std::iter::once("treatywatch").chain(rest.split_whitespace());
                let words: Vec<&str> = words.filter(|w| !w.contains('(')).collect();
                if let Err(e) = Cli::command().try_get_matches_from(&words) {
                    panic!("example `{line}` does not parse: {e}");
                }
                seen += 1;
            }
        }
        assert!(seen >= 25, "{seen} examples");
    }
}
