//! Writes one template of a benchmark shape (`benches/shapes.rs`) to standard output, to
//! measure the command line on it: `cargo run --release -p validator-core --example shape --
//! placeholders 30000000 > big.json`.

#[path = "../benches/shapes.rs"]
#[allow(dead_code)]
mod shapes;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(shape), Some(bytes)) = (args.next(), args.next().and_then(|b| b.parse().ok())) else {
        eprintln!("usage: shape <shape> <bytes>");
        std::process::exit(2);
    };
    print!("{}", shapes::generate(&shape, bytes));
}
