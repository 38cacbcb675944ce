//! lsp/transport.rs: the frame reader, the outbox, frames written through short writes, judging bodies.
use claimlint::lsp::transport::*;
use serde_json::{json, Value};
use std::io::Write;

async fn frames(input: &'static [u8]) -> Vec<Frame> {
    let mut r = FrameReader::new(input);
    let mut out = Vec::new();
    loop {
        let f = r.next().await.unwrap();
        let eof = f == Frame::Eof;
        out.push(f);
        if eof {
            return out;
        }
    }
}

#[tokio::test]
async fn reads_frames_and_resyncs_after_garbage_and_bad_headers() {
    let got = frames(b"Content-Length: 2\r\n\r\n{}garbage\r\nContent-Length: x\r\n\r\njunkContent-Length: 4\r\nContent-Type: a\r\n\r\nnull").await;
    assert_eq!(
        got,
        vec![
            Frame::Body(b"{}".to_vec()),
            Frame::BadHeader("bad Content-Length: x".into()),
            Frame::Body(b"null".to_vec()),
            Frame::Eof
        ]
    );
    // A body cut short is the end.
    assert_eq!(frames(b"Content-Length: 10\r\n\r\nab").await, vec![Frame::Eof]);
}

#[test]
fn the_outbox_keeps_one_publication_per_note() {
    let outbox = Outbox::default();
    let body = br#"{"jsonrpc":"2.0","method":"m"}"#;
    let whole = |b: &[u8]| Body::Whole(b.to_vec());
    assert!(outbox.publish("file:///a.md", whole(b"old")));
    assert!(outbox.send(body.to_vec()) && outbox.publish("file:///a.md", whole(b"new")));
    assert!(outbox.publish("file:///b.md", whole(b"b")));
    // Other messages first, then one publication per note, the newest.
    assert_eq!(outbox.pop(), Next::Body(Body::Whole(body.to_vec())));
    assert_eq!(outbox.pop(), Next::Body(whole(b"new")));
    assert_eq!(outbox.pop(), Next::Body(whole(b"b")));
    assert_eq!(outbox.pop(), Next::Nothing);
    outbox.close();
    assert_eq!(outbox.pop(), Next::Closed);
}

/// A writer that takes at most 7 bytes a call, from the first piece only.
struct Trickle(Vec<u8>);

impl Write for Trickle {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        let n = b.len().min(7);
        self.0.extend_from_slice(&b[..n]);
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_frame_of_items_is_written_whole_through_short_writes() {
    // Each item in two pieces, as a diagnostic's JSON is kept in several.
    let items: Vec<std::sync::Arc<[std::sync::Arc<str>]>> = (0..3000)
        .map(|i| [r#"{"n":"#.into(), format!("{i}}}").into()].into())
        .collect();
    let body = Body::Items {
        head: b"{\"a\":[".to_vec(),
        items,
        tail: b"]}".to_vec(),
    };
    let mut out = Trickle(Vec::new());
    write_frame(&mut out, &body).unwrap();
    let text = String::from_utf8(out.0).unwrap();
    let (header, json) = text.split_once("\r\n\r\n").unwrap();
    assert_eq!(header, format!("Content-Length: {}", json.len()));
    let v: Value = serde_json::from_str(json).unwrap();
    assert_eq!(v["a"].as_array().unwrap().len(), 3000);
    assert_eq!(v["a"][2999]["n"], 2999);
    assert_eq!(body.to_vec(), json.as_bytes());
}

fn reply(body: &[u8]) -> Value {
    match judge(body) {
        Verdict::Reply(r) => serde_json::from_slice(&r).unwrap(),
        Verdict::Forward(m) => panic!("forwarded {m:?}"),
    }
}

#[test]
fn judges_bodies() {
    let Verdict::Forward(Message::Request(r)) = judge(br#"{"jsonrpc":"2.0","id":1,"method":"shutdown","params":null}"#)
    else {
        panic!()
    };
    // `"params": null` is no params.
    assert_eq!(
        serde_json::to_value(&r).unwrap(),
        json!({"jsonrpc":"2.0","id":1,"method":"shutdown"})
    );
    assert!(matches!(
        judge(br#"{"jsonrpc":"2.0","id":"x","result":null}"#),
        Verdict::Forward(Message::Response(_))
    ));
    let v = reply(b"{not json");
    assert_eq!(
        (v["error"]["code"].clone(), v["id"].clone()),
        (json!(-32700), Value::Null)
    );
    let v = reply(br#"{"id":7,"foo":1}"#);
    assert_eq!((v["error"]["code"].clone(), v["id"].clone()), (json!(-32600), json!(7)));
    // Neither method nor result; a batch; a repeated key.
    assert_eq!(reply(br#"{"jsonrpc":"2.0","id":8}"#)["error"]["code"], -32600);
    assert_eq!(reply(br#"[1]"#)["error"]["code"], -32600);
    let v = reply(br#"{"jsonrpc":"2.0","id":2,"id":3,"method":"m"}"#);
    assert_eq!(v["error"]["message"], "Invalid Request: the key `id` appears twice");
}
