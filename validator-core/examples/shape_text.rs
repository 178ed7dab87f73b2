#[path = "../benches/shapes.rs"]
mod shapes;
fn main() {
    let a: Vec<String> = std::env::args().collect();
    print!("{}", shapes::generate(&a[1], a[2].parse().unwrap()));
}
