use std::process::ExitCode;

fn main() -> ExitCode {
    match avgdoc::cli::parse() {
        Ok(cli) => avgdoc::cli::run(cli),
        Err(code) => code,
    }
}
