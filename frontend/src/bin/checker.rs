//! The worker that checks and exports for the designer (`frontend::checker`): Trunk builds it
//! from the `data-type="worker"` link in `static/index.html`.

use gloo::worker::Registrable;

fn main() {
    frontend::checker::CheckerWorker::registrar()
        .encoding::<frontend::checker::Json>()
        .register();
}
