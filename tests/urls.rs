//! URL inputs (the `fetch` feature) against a small HTTP server on
//! 127.0.0.1 in a test thread: no test touches the network.
#![cfg(feature = "fetch")]

mod common;
use assert_cmd::assert::Assert;
use common::newsdiff_cmd;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// Connections one test server answers before its thread ends by itself.
const MAX_CONNECTIONS: usize = 16;

/// What the server answers for a path: the whole response, and how long to
/// wait before sending its body.
struct Answer {
    head: String,
    body: Vec<u8>,
    delay: Duration,
}

fn answer(status: &str, content_type: &str, body: impl Into<Vec<u8>>) -> Answer {
    let body = body.into();
    Answer {
        head: format!(
            "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        ),
        body,
        delay: Duration::ZERO,
    }
}

/// A test server: its base URL (`http://127.0.0.1:PORT`) and the request
/// heads it received, in order.
struct Server {
    base: String,
    requests: mpsc::Receiver<String>,
}

/// Starts a server answering each request with `route(path)`, one thread
/// per connection, for at most [`MAX_CONNECTIONS`] connections.
fn serve(route: fn(&str) -> Answer) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (sender, requests) = mpsc::channel();
    thread::spawn(move || {
        for stream in listener.incoming().take(MAX_CONNECTIONS) {
            let Ok(stream) = stream else { continue };
            let sender = sender.clone();
            thread::spawn(move || answer_one(stream, route, &sender));
        }
    });
    Server { base, requests }
}

fn answer_one(mut stream: TcpStream, route: fn(&str) -> Answer, sender: &mpsc::Sender<String>) {
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && head.len() < 64 * 1024 {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return,
        }
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
    let _ = sender.send(head);
    let answer = route(&path);
    let _ = stream.write_all(answer.head.as_bytes());
    let _ = stream.flush();
    thread::sleep(answer.delay);
    let _ = stream.write_all(&answer.body);
}

/// A news page wrapping the check_number_fail left text (12 million euros).
fn page() -> String {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/check_number_fail/left.txt"
    ))
    .unwrap();
    let mut blocks = text.split("\n\n").map(str::trim);
    let title = blocks.next().unwrap();
    let paragraphs: String = blocks.map(|b| format!("<p>{b}</p>\n")).collect();
    format!(
        "<!doctype html><html><head><title>{title} | The Daily</title></head>\n\
         <body><nav><a href=/>Home</a></nav><article><h1>{title}</h1>\n{paragraphs}</article>\n\
         <script>var x = 2000;</script></body></html>"
    )
}

fn route(path: &str) -> Answer {
    match path {
        "/page" => answer("200 OK", "text/html", page()),
        // No doctype or <html>: a page by its content type alone.
        "/fragment" => answer(
            "200 OK",
            "text/html; charset=utf-8",
            "<p>The council approved a bridge on Monday, the mayor said.</p>",
        ),
        "/right.txt" => answer(
            "200 OK",
            "text/plain; charset=utf-8",
            std::fs::read(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/fixtures/check_number_fail/right.txt"
            ))
            .unwrap(),
        ),
        "/latin1" => answer(
            "200 OK",
            "text/plain; charset=ISO-8859-1",
            b"The caf\xE9 opened on Monday.".to_vec(),
        ),
        "/loop" => Answer {
            head: "HTTP/1.1 302 Found\r\nLocation: /loop\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .to_string(),
            body: Vec::new(),
            delay: Duration::ZERO,
        },
        "/moved" => Answer {
            head: "HTTP/1.1 301 Moved Permanently\r\nLocation: /right.txt\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .to_string(),
            body: Vec::new(),
            delay: Duration::ZERO,
        },
        "/big" => answer("200 OK", "text/plain", "word ".repeat(1000)),
        // No Content-Length: the limit must hold while the body is read.
        "/big-unannounced" => Answer {
            head: "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n"
                .to_string(),
            body: "word ".repeat(200_000).into_bytes(),
            delay: Duration::ZERO,
        },
        "/slow" => Answer {
            delay: Duration::from_secs(4),
            ..answer("200 OK", "text/plain", "Late words.")
        },
        _ => answer("404 Not Found", "text/plain", "no such page"),
    }
}

/// newsdiff with no proxy from the environment, so 127.0.0.1 is reached
/// directly whatever the machine's settings.
fn run(args: &[&str]) -> Assert {
    let mut cmd = newsdiff_cmd();
    for proxy in [
        "ALL_PROXY",
        "all_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
    ] {
        cmd.env_remove(proxy);
    }
    cmd.args(args).assert()
}

fn stderr(out: &Assert) -> String {
    String::from_utf8_lossy(&out.get_output().stderr).into_owned()
}

/// The one error line of a failed run, checked to be one line, exit 2.
fn error_line(args: &[&str]) -> String {
    let out = run(args).code(2);
    assert!(out.get_output().stdout.is_empty());
    let message = stderr(&out);
    assert_eq!(message.lines().count(), 1, "{message}");
    message.trim_end().to_string()
}

#[test]
fn a_page_and_a_text_by_url_are_compared_as_files_are() {
    let server = serve(route);
    let (left, right) = (
        format!("{}/page", server.base),
        format!("{}/right.txt", server.base),
    );
    let out = run(&["--format", "json", &left, &right]).code(1);
    let report = common::json(&out);
    // The URL is the input's name.
    assert_eq!(report["left"]["path"], left);
    assert_eq!(report["right"]["path"], right);
    // Read as the page's article: title without the site, no script.
    assert_eq!(report["left"]["title"], "Council approves new river bridge");
    let changed = &report["facts"]["changed"][0];
    assert_eq!(changed["left_text"], "12 million");
    assert_eq!(changed["right_text"], "15 million");
    assert!(!out.get_output().stdout.windows(4).any(|w| w == b"2000"));
    // Each request names newsdiff and its version.
    let head = server.requests.recv().unwrap();
    let agent = head
        .lines()
        .find_map(|l| {
            l.strip_prefix("user-agent: ")
                .or(l.strip_prefix("User-Agent: "))
        })
        .expect("a User-Agent header");
    assert!(
        agent.starts_with(&format!("newsdiff/{} (", env!("CARGO_PKG_VERSION"))),
        "{agent}"
    );
}

#[test]
fn extract_reads_a_url_and_a_text_html_content_type_makes_it_a_page() {
    let server = serve(route);
    let out = run(&["extract", &format!("{}/fragment", server.base)]).code(0);
    let text = common::text(&out);
    assert!(text.contains("The council approved a bridge"), "{text}");
    assert!(!text.contains("<p>"), "read as a page, not as text: {text}");
}

#[test]
fn the_content_type_charset_decodes_a_text() {
    let server = serve(route);
    let out = run(&["extract", &format!("{}/latin1", server.base)]).code(0);
    assert_eq!(common::text(&out), "The caf\u{e9} opened on Monday.\n");
}

#[test]
fn a_redirect_is_followed_and_the_name_stays_the_given_url() {
    let server = serve(route);
    let moved = format!("{}/moved", server.base);
    let out = run(&[
        "--format",
        "json",
        &moved,
        "fixtures/check_number_fail/right.txt",
    ])
    .code(0);
    assert_eq!(common::json(&out)["left"]["path"], moved);
}

#[test]
fn not_found_is_one_line_naming_the_url_and_status() {
    let server = serve(route);
    let url = format!("{}/missing", server.base);
    let message = error_line(&[&url, "fixtures/check_number_fail/right.txt"]);
    assert_eq!(
        message,
        format!("newsdiff: cannot read left input: cannot fetch {url}: HTTP 404 Not Found")
    );
}

#[test]
fn a_redirect_loop_stops_after_five() {
    let server = serve(route);
    let url = format!("{}/loop", server.base);
    let message = error_line(&["fixtures/check_number_fail/left.txt", &url]);
    assert!(
        message.contains(&format!(
            "cannot read right input: cannot fetch {url}: more than 5 redirects"
        )),
        "{message}"
    );
}

#[test]
fn a_body_over_max_bytes_is_refused_announced_or_not() {
    let server = serve(route);
    for path in ["/big", "/big-unannounced"] {
        let url = format!("{}{path}", server.base);
        let message = error_line(&["extract", "--max-bytes", "4k", &url]);
        assert!(
            message.contains(&format!(
                "cannot fetch {url}: body is over the size limit of 4096 bytes"
            )),
            "{message}"
        );
    }
    // Under the limit the same body is read.
    run(&[
        "extract",
        "--max-bytes",
        "10k",
        &format!("{}/big", server.base),
    ])
    .code(0);
}

#[test]
fn a_slow_server_times_out_at_the_given_limit() {
    let server = serve(route);
    let url = format!("{}/slow", server.base);
    let started = Instant::now();
    let message = error_line(&["extract", "--timeout", "0.5", &url]);
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    assert!(
        message.contains(&format!(
            "cannot fetch {url}: no complete answer within 500ms"
        )),
        "{message}"
    );
}

#[test]
fn a_refused_connection_is_one_line() {
    // A port that was just free: nothing listens there now.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/story");
    let message = error_line(&["extract", &url]);
    assert_eq!(
        message,
        format!("newsdiff: cannot read input: cannot fetch {url}: connection refused")
    );
}

#[test]
fn https_to_a_plain_http_server_is_a_tls_error() {
    // A plain HTTP answer to the TLS hello, as a server without TLS gives.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("https://{}/page", listener.local_addr().unwrap());
    thread::spawn(move || {
        if let Ok((mut stream, _)) = listener.accept() {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
            let _ = stream.read(&mut [0u8; 1024]);
            let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
        }
    });
    let message = error_line(&["extract", &url]);
    assert!(
        message.starts_with(&format!(
            "newsdiff: cannot read input: cannot fetch {url}: TLS: "
        )),
        "{message}"
    );
}

#[test]
fn batch_reads_urls_as_they_are_and_paths_from_the_manifest_folder() {
    let server = serve(route);
    let dir = common::scratch("urls", "batch");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/check_number_fail/right.txt"
        ),
        dir.join("right.txt"),
    )
    .unwrap();
    let manifest = dir.join("pairs.jsonl");
    let (page, missing) = (
        format!("{}/page", server.base),
        format!("{}/missing", server.base),
    );
    std::fs::write(
        &manifest,
        format!(
            "{{\"left\": {page:?}, \"right\": \"right.txt\", \"id\": 1}}\n\
             {{\"left\": {missing:?}, \"right\": \"right.txt\", \"id\": 2}}\n"
        ),
    )
    .unwrap();
    let out = run(&["batch", manifest.to_str().unwrap()]).code(2);
    let lines: Vec<serde_json::Value> = common::text(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["left"]["path"], page);
    assert_eq!(lines[0]["facts"]["changed"][0]["right_text"], "15 million");
    assert_eq!(
        lines[1]["error"],
        format!("cannot read left input: cannot fetch {missing}: HTTP 404 Not Found")
    );
}
