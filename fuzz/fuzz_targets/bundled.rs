//! The bundled rulesets' compiled programs (`www/rules/*.cbp`, built by
//! scripts/build-web.sh), read once, in file-name order: what the widget fetches.

use std::sync::OnceLock;

pub fn programs() -> &'static [Vec<u8>] {
    static P: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    P.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../www/rules");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("www/rules")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "cbp"))
            .collect();
        files.sort();
        let ps: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
        assert!(
            !ps.is_empty(),
            "no compiled programs in www/rules: run scripts/build-web.sh"
        );
        ps
    })
}
