use std::time::Instant;
fn main() {
    let a: Vec<String> = std::env::args().skip(1).collect();
    let l = std::fs::read_to_string(&a[0]).unwrap();
    let r = std::fs::read_to_string(&a[1]).unwrap();
    let t = Instant::now();
    let pl = newsdiff::parse::parse("l", &l);
    let pr = newsdiff::parse::parse("r", &r);
    eprintln!(
        "parse {:?} ({} + {} sentences)",
        t.elapsed(),
        pl.sentences.len(),
        pr.sentences.len()
    );
    let t = Instant::now();
    let el = newsdiff::extract::extract(&pl);
    let er = newsdiff::extract::extract(&pr);
    eprintln!("extract {:?}", t.elapsed());
    let t = Instant::now();
    let al = newsdiff::align::align(&el, &er, 0.3);
    eprintln!("align {:?}", t.elapsed());
    let t = Instant::now();
    let rep = newsdiff::compare::compare(&el, &er, &al);
    eprintln!("compare {:?} {}", t.elapsed(), rep.pairs.len());
}
