// Developer aid: print each sentence's active claims and mentions.
use claimlint::Engine;
fn main() {
    let path = std::env::args().nth(1).expect("note path");
    let note = std::fs::read_to_string(path).expect("read");
    let e = Engine::bundled();
    let read = claimlint::note::read(&note);
    for s in &read.sentences {
        let scan = e.scan(&note, s);
        println!("## {:?}", s.norm.text);
        let act: Vec<&str> = scan.active.iter().map(|&i| e.base.claims[i].id.as_str()).collect();
        println!("   active: {act:?}");
        let ms: Vec<&str> = scan
            .mentions
            .iter()
            .map(|m| e.base.entities[m.entity].id.as_str())
            .collect();
        println!("   mentions: {ms:?}");
        for f in e.check_sentence(&note, &read.masked, s).0 {
            println!("   -> {} {}", f.code, f.message);
        }
    }
}
