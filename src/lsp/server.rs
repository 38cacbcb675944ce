//! The language server: state, and routing from each LSP method to the pure
//! function of its feature file. Checks run on the blocking pool
//! (`spawn_blocking`), never on tower-lsp's one serving task, so no request
//! waits for another note's check (F3); inside `catch_unwind`, so a panic in
//! the core is logged (`window/logMessage`) and answered with nothing, never
//! fatal. Results for a superseded version, a closed opening of the note
//! (F1) or an older world are dropped, never published or answered from.
//! Requests to the client time out (F13).

use super::code_action::code_actions;
use super::code_lens::{code_lenses, show_uncovered, SHOW_UNCOVERED};
use super::completion::completion;
use super::config::{self, Settings, World};
use super::definition::definition;
use super::diagnostics::{diagnostics, result_id, Analysis, Published};
use super::documents::{ChangeError, Snapshot, Store};
use super::encoding;
use super::hover::hover;
use super::links::links;
use super::symbols::{document_symbols, workspace_symbols};
use super::transport::Outbox;
use crate::engine::Incremental;
use crate::position::Encoding;
use serde_json::Value;
use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};
use std::time::Duration;
use tower_lsp::jsonrpc::{Error, Result};
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer};

/// What the client can do, resolved once at `initialize`.
#[derive(Clone, Copy)]
struct Caps {
    enc: Encoding,
    /// The client pulls diagnostics (`textDocument/diagnostic`): no pushing.
    pull: bool,
    configuration: bool,
    diagnostic_refresh: bool,
    code_lens_refresh: bool,
    /// Hover may be Markdown (`textDocument.hover.contentFormat`).
    hover_markdown: bool,
    /// The client watches files for us when asked (`workspace/didChangeWatchedFiles`).
    watch_files: bool,
    watch_relative: bool,
    /// `textDocument.documentLink.tooltipSupport`.
    link_tooltips: bool,
}

impl Default for Caps {
    fn default() -> Caps {
        Caps {
            enc: Encoding::Utf16,
            pull: false,
            configuration: false,
            diagnostic_refresh: false,
            code_lens_refresh: false,
            hover_markdown: true,
            watch_files: false,
            watch_relative: false,
            link_tooltips: false,
        }
    }
}

struct State {
    docs: Mutex<Store>,
    /// What notes are checked against; `None` until the first build lands
    /// (`initialize` answers at once and builds it in the background).
    world: RwLock<Option<Arc<World>>>,
    /// Set once `initialize` started building the world, and once it landed.
    building: AtomicBool,
    ready: tokio::sync::watch::Sender<bool>,
    /// Notified when the client's `initialized` arrives (the world is built
    /// then, so that it does not compete with the `initialize` answer).
    initialized: tokio::sync::Notify,
    analyses: Mutex<HashMap<Url, Arc<Analysis>>>,
    /// Each open note's incremental checker, with the world generation and
    /// the opening (`Snapshot::serial`) it serves.
    checkers: Mutex<HashMap<Url, (u64, u64, Incremental)>>,
    /// Each open note's diagnostics as last serialized (see `Published`).
    published: Mutex<HashMap<Url, Published>>,
    /// One check at a time per document: a long check (a 10 MB note) is not
    /// joined by one per keystroke; waiting checks of superseded versions drop out.
    gates: Mutex<HashMap<Url, Arc<tokio::sync::Mutex<()>>>>,
    caps: RwLock<Caps>,
    settings: Mutex<Settings>,
    roots: Mutex<Vec<PathBuf>>,
    /// Messages for the user, held until the client is initialized.
    pending: Mutex<Vec<(MessageType, String)>>,
    told_no_article: AtomicBool,
    /// Messages already shown: each problem is told once, not at every rebuild.
    told: Mutex<std::collections::HashSet<String>>,
    /// The files registered with the client's watcher (`None`: nothing registered).
    watching: Mutex<Option<Vec<PathBuf>>>,
    /// Ids of the server's own requests (refreshes), sent without `params`.
    request_id: AtomicU64,
    generation: AtomicU64,
    /// Held while publishing, so publications of one document stay in version order.
    publish: tokio::sync::Mutex<()>,
    /// Settings requests made so far: an answer to an older one is not applied.
    config_asks: AtomicU64,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl State {
    /// The current world (the bundled claim base alone, should anything ask
    /// before `initialize` built one).
    fn world(&self) -> Arc<World> {
        if let Some(w) = self.world.read().unwrap_or_else(|e| e.into_inner()).as_ref() {
            return w.clone();
        }
        let mut slot = self.world.write().unwrap_or_else(|e| e.into_inner());
        slot.get_or_insert_with(|| Arc::new(World::bundled())).clone()
    }

    /// Wait until the world `initialize` started building has landed.
    async fn ready(&self) {
        if self.building.load(Ordering::SeqCst) {
            let _ = self.ready.subscribe().wait_for(|r| *r).await;
        }
    }

    fn caps(&self) -> Caps {
        *self.caps.read().unwrap_or_else(|e| e.into_inner())
    }

    fn gate(&self, uri: &Url) -> Arc<tokio::sync::Mutex<()>> {
        lock(&self.gates).entry(uri.clone()).or_default().clone()
    }

    /// The cached analysis of a document, if it is of this snapshot (same
    /// opening, same version) and world.
    fn cached(&self, uri: &Url, snap: &Snapshot, generation: u64) -> Option<Arc<Analysis>> {
        lock(&self.analyses)
            .get(uri)
            .filter(|a| a.snap.serial == snap.serial && a.snap.version == snap.version && a.generation == generation)
            .cloned()
    }

    /// Check a snapshot, reusing the document's incremental checker (a new
    /// one when the world changed). Pure work: call it off the executor.
    fn analyze(&self, uri: &Url, world: &World, snap: Snapshot, checked: bool) -> Analysis {
        let serial = snap.serial;
        let mut inc = lock(&self.checkers)
            .remove(uri)
            .filter(|(generation, s, _)| *generation == world.generation && *s == serial)
            .map(|(_, _, inc)| inc)
            .unwrap_or_default();
        let an = Analysis::incremental(world, snap, checked, &mut inc);
        if lock(&self.docs).current(uri).is_some_and(|(s, _)| s == serial) {
            lock(&self.checkers).insert(uri.clone(), (world.generation, serial, inc));
        }
        an
    }

    /// Keep an analysis if it is still the document's current one: the same
    /// opening (a reopened note starts at version 1 again), version and world.
    fn keep(&self, uri: &Url, an: Arc<Analysis>) -> bool {
        let current = lock(&self.docs).is_current(uri, &an.snap) && self.world().generation == an.generation;
        if current {
            lock(&self.analyses).insert(uri.clone(), an);
        }
        current
    }
}

/// The guard's notice that a change to a note could not be decoded.
#[derive(serde::Deserialize)]
pub struct OutOfStepParams {
    pub uri: Url,
    pub reason: String,
}

#[derive(Clone)]
pub struct Backend {
    client: Client,
    state: Arc<State>,
    outbox: Outbox,
}

/// A notification, serialized directly (no `serde_json::Value` tree).
#[derive(serde::Serialize)]
struct Notification<'a, P> {
    jsonrpc: &'static str,
    method: &'static str,
    params: &'a P,
}

/// The parameters of `publishDiagnostics`, with the URI as the client wrote it.
#[derive(serde::Serialize)]
struct PublishParams<'a> {
    uri: &'a str,
    diagnostics: &'a [Diagnostic],
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<i32>,
}

/// Publish a note's diagnostics: serialized once, straight to the wire when
/// there is one (a 1 MB note's are ~1000 diagnostics, ~700 KB of JSON;
/// tower-lsp would build them as a `Value` tree first, four times slower),
/// into the note's slot (a newer publication replaces one not yet written),
/// else through tower-lsp's client.
async fn publish(client: &Client, outbox: &Outbox, uri: Url, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
    let sent = outbox.uri_as_sent(&uri);
    let direct = serde_json::to_vec(&Notification {
        jsonrpc: "2.0",
        method: "textDocument/publishDiagnostics",
        params: &PublishParams {
            uri: &sent,
            diagnostics: &diagnostics,
            version,
        },
    })
    .is_ok_and(|body| outbox.publish(&sent, body));
    let params = PublishDiagnosticsParams::new(uri, diagnostics, version);
    if !direct {
        client
            .publish_diagnostics(params.uri, params.diagnostics, params.version)
            .await;
    }
}

fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".into())
}

/// Run `f`, turning a panic into its message.
fn catch<T>(f: impl FnOnce() -> T) -> std::result::Result<T, String> {
    std::panic::catch_unwind(AssertUnwindSafe(f)).map_err(|p| panic_text(p.as_ref()))
}

/// Run pure work on the blocking pool; a panic is logged to the client and
/// yields `None`. Never `block_in_place`: tower-lsp polls every handler
/// inside its one serving task, and blocking there stops all dispatch for
/// the length of the work (F3). The hop to the pool costs microseconds.
async fn pure<T: Send + 'static>(client: &Client, what: &str, f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let outcome = match tokio::task::spawn_blocking(move || catch(f)).await {
        Ok(r) => r,
        Err(e) => Err(e.to_string()),
    };
    match outcome {
        Ok(v) => Some(v),
        Err(why) => {
            let msg = format!("claimlint: internal error while {what}: {why}");
            crate::stderr::line(msg.clone());
            client.log_message(MessageType::ERROR, msg).await;
            None
        }
    }
}

/// How long a request to the client may stay unanswered (F13): a client
/// that never answers `workspace/configuration` must not hold a handler.
const CLIENT_TIMEOUT: Duration = Duration::from_secs(5);

/// The registration id of the file watchers.
const WATCH_ID: &str = "claimlint-watch";

fn uri_arg(v: Option<&Value>) -> Result<Url> {
    v.and_then(Value::as_str)
        .and_then(|s| Url::parse(s).ok())
        .ok_or_else(|| Error::invalid_params("expected the note's URI as the first argument"))
}

impl Backend {
    pub fn new(client: Client) -> Backend {
        Backend::with_outbox(client, Outbox::default())
    }

    /// A server that publishes diagnostics through `outbox` (see `transport::Outbox`).
    pub fn with_outbox(client: Client, outbox: Outbox) -> Backend {
        Backend {
            client,
            outbox,
            state: Arc::new(State {
                docs: Mutex::new(Store::default()),
                world: RwLock::new(None),
                building: AtomicBool::new(false),
                ready: tokio::sync::watch::Sender::new(false),
                initialized: tokio::sync::Notify::new(),
                analyses: Mutex::new(HashMap::new()),
                checkers: Mutex::new(HashMap::new()),
                published: Mutex::new(HashMap::new()),
                gates: Mutex::new(HashMap::new()),
                caps: RwLock::new(Caps::default()),
                settings: Mutex::new(Settings::default()),
                roots: Mutex::new(Vec::new()),
                pending: Mutex::new(Vec::new()),
                told_no_article: AtomicBool::new(false),
                told: Mutex::new(std::collections::HashSet::new()),
                watching: Mutex::new(None),
                request_id: AtomicU64::new(0),
                generation: AtomicU64::new(0),
                publish: tokio::sync::Mutex::new(()),
                config_asks: AtomicU64::new(0),
            }),
        }
    }

    /// The analysis of an open document (cached, or made now) and `f` of it,
    /// off the executor. `None` for a document that is not open.
    async fn with_analysis<T: Send + 'static>(
        &self,
        uri: &Url,
        what: &'static str,
        f: impl FnOnce(&World, &Analysis, Encoding) -> T + Send + 'static,
    ) -> Option<T> {
        lock(&self.state.docs).version(uri)?;
        let gate = self.state.gate(uri);
        let _one_at_a_time = gate.lock().await;
        let snap = lock(&self.state.docs).get(uri)?;
        self.state.ready().await;
        let world = self.state.world();
        let cached = self.state.cached(uri, &snap, world.generation);
        let enc = self.state.caps().enc;
        let checked = world.is_note(uri, &snap.language_id);
        let state = self.state.clone();
        let u = uri.clone();
        let (an, out) = pure(&self.client, what, move || {
            let an = cached.unwrap_or_else(|| Arc::new(state.analyze(&u, &world, snap, checked)));
            let out = f(&world, &an, enc);
            (an, out)
        })
        .await?;
        self.state.keep(uri, an);
        Some(out)
    }

    /// Check a document now, and publish unless a newer version or world
    /// came in meanwhile. No debounce: an incremental check of an edit takes
    /// less than a keystroke's interval, and changes that arrive while a
    /// check runs wait at the gate, where all but the newest drop out.
    fn schedule(&self, uri: Url) {
        let state = self.state.clone();
        let client = self.client.clone();
        let outbox = self.outbox.clone();
        tokio::spawn(async move {
            let Some(version) = lock(&state.docs).version(&uri) else {
                return;
            };
            let gate = state.gate(&uri);
            let _one_at_a_time = gate.lock().await;
            let Some(snap) = lock(&state.docs).get(&uri) else {
                return;
            };
            if snap.version != version {
                return; // superseded: the newer change has its own check
            }
            state.ready().await;
            let world = state.world();
            let checked = world.is_note(&uri, &snap.language_id);
            // The previous version's analysis is of no more use; let go of
            // it, so the checker can edit its masked text in place.
            lock(&state.analyses).remove(&uri);
            let w = world.clone();
            let (st, u) = (state.clone(), uri.clone());
            let caps = state.caps();
            let direct = !caps.pull && outbox.connected();
            let sent = outbox.uri_as_sent(&uri);
            let name = sent.clone();
            // The check and, for the wire, the notification's JSON: both off the executor.
            let Some((an, body)) = pure(&client, "checking the note", move || {
                let an = Arc::new(st.analyze(&u, &w, snap, checked));
                let body = direct.then(|| {
                    let mut published = lock(&st.published).remove(&u).unwrap_or_default();
                    let body = published.notification(&w, &an, &name, caps.enc);
                    if lock(&st.docs).is_current(&u, &an.snap) {
                        lock(&st.published).insert(u.clone(), published);
                    }
                    body
                });
                (an, body)
            })
            .await
            else {
                return;
            };
            let _order = state.publish.lock().await;
            if !state.keep(&uri, an.clone()) {
                return; // stale: a newer version or world exists
            }
            if caps.pull {
                return;
            }
            if !body.is_some_and(|body| outbox.publish(&sent, body)) {
                let diags = diagnostics(&world, &an, caps.enc);
                publish(&client, &outbox, uri, diags, Some(version)).await;
            }
        });
    }

    /// Tell the user what the world building found (each problem once),
    /// log where every setting came from, and say (once) that there is no article.
    async fn tell(&self, world: &World) {
        let pending: Vec<_> = std::mem::take(&mut *lock(&self.state.pending));
        for (t, m) in pending.into_iter().chain(world.messages.iter().cloned()) {
            if lock(&self.state.told).insert(m.clone()) {
                self.client.show_message(t, m).await;
            }
        }
        let log = format!("claimlint: resolved sources\n  {}", world.sources.join("\n  "));
        self.client.log_message(MessageType::INFO, log).await;
        if world.engine.article.is_some() {
            self.state.told_no_article.store(false, Ordering::SeqCst);
        } else if !world.article_missing && !self.state.told_no_article.swap(true, Ordering::SeqCst) {
            self.client
                .show_message(
                    MessageType::WARNING,
                    "claimlint: no article found (set claimlint.article, `article` in .claimlint.toml or CLAIMLINT_ARTICLE, or put the article's text in the workspace). \
                     Checks run on the claim base alone; go-to-section, article links and word-for-word quotation checks need the article.",
                )
                .await;
        }
    }

    /// Send a request that takes no parameters (a refresh) with no `params`
    /// member at all, as the protocol has it (tower-lsp's client would send
    /// `"params": null`). The answer is of no interest.
    async fn request_without_params(&self, method: &str) {
        let id = self.state.request_id.fetch_add(1, Ordering::SeqCst);
        let body = serde_json::json!({"jsonrpc": "2.0", "id": format!("claimlint-{id}"), "method": method});
        if self.outbox.send(body.to_string().as_bytes()) {
            return;
        }
        // No wire of our own (a service built alone, in tests): tower-lsp's client.
        match method {
            "workspace/diagnostic/refresh" => {
                let _ = tokio::time::timeout(CLIENT_TIMEOUT, self.client.workspace_diagnostic_refresh()).await;
            }
            "workspace/codeLens/refresh" => {
                let _ = tokio::time::timeout(CLIENT_TIMEOUT, self.client.code_lens_refresh()).await;
            }
            _ => {}
        }
    }

    /// Ask the client to watch the files whose change alters findings (the
    /// settings file anywhere in the workspace, the claim base, the article),
    /// when it can; registered again when that set changes.
    async fn watch(&self, world: &World) {
        let caps = self.state.caps();
        if !caps.watch_files {
            return;
        }
        let registered = {
            let mut watching = lock(&self.state.watching);
            if watching.as_ref() == Some(&world.watched) {
                return;
            }
            watching.replace(world.watched.clone()).is_some()
        };
        let mut watchers = vec![FileSystemWatcher {
            glob_pattern: GlobPattern::String(format!("**/{}", crate::config::FILE_NAME)),
            kind: None,
        }];
        for path in &world.watched {
            let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
                continue;
            };
            let name = name.to_string_lossy().into_owned();
            let glob_pattern = match Url::from_directory_path(dir) {
                Ok(base) if caps.watch_relative => GlobPattern::Relative(RelativePattern {
                    base_uri: OneOf::Right(base),
                    pattern: name,
                }),
                _ => GlobPattern::String(format!("**/{name}")),
            };
            watchers.push(FileSystemWatcher {
                glob_pattern,
                kind: None,
            });
        }
        let method = "workspace/didChangeWatchedFiles".to_string();
        if registered {
            let gone = vec![Unregistration {
                id: WATCH_ID.into(),
                method: method.clone(),
            }];
            let _ = tokio::time::timeout(CLIENT_TIMEOUT, self.client.unregister_capability(gone)).await;
        }
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let new = vec![Registration {
            id: WATCH_ID.into(),
            method,
            register_options: serde_json::to_value(options).ok(),
        }];
        let _ = tokio::time::timeout(CLIENT_TIMEOUT, self.client.register_capability(new)).await;
    }

    async fn build(&self, settings: Settings) -> Option<Arc<World>> {
        let generation = self.state.generation.fetch_add(1, Ordering::SeqCst) + 1;
        let roots = lock(&self.state.roots).clone();
        let env = std::env::var("CLAIMLINT_ARTICLE").ok();
        let world = pure(&self.client, "loading the article and the claim base", move || {
            config::build(&settings, &roots, env.as_deref(), generation)
        })
        .await?;
        let world = Arc::new(world);
        let mut slot = self.state.world.write().unwrap_or_else(|e| e.into_inner());
        if slot.as_ref().is_some_and(|w| w.generation > world.generation) {
            return None; // a newer rebuild already landed
        }
        *slot = Some(world.clone());
        Some(world)
    }

    /// New settings: rebuild the world, tell the user, re-check every open note.
    async fn reconfigure(&self, settings: Settings) {
        *lock(&self.state.settings) = settings.clone();
        let Some(world) = self.build(settings).await else {
            return;
        };
        self.tell(&world).await;
        self.watch(&world).await;
        lock(&self.state.analyses).clear();
        // Push clients get every open note published again; pulling clients
        // are asked to pull again (only those that can be asked pull at all).
        let uris = lock(&self.state.docs).uris();
        for uri in uris {
            self.schedule(uri);
        }
        let caps = self.state.caps();
        let me = self.clone();
        tokio::spawn(async move {
            if caps.pull && caps.diagnostic_refresh {
                me.request_without_params("workspace/diagnostic/refresh").await;
            }
            if caps.code_lens_refresh {
                me.request_without_params("workspace/codeLens/refresh").await;
            }
        });
    }

    /// Ask the client for its settings, in a task of its own, at most
    /// `CLIENT_TIMEOUT`; apply them unless a newer settings change came in
    /// meanwhile. `only_if_set`: apply nothing when the answer is the defaults.
    fn ask_settings(&self, only_if_set: bool) {
        let ask = self.state.config_asks.fetch_add(1, Ordering::SeqCst) + 1;
        let me = self.clone();
        tokio::spawn(async move {
            let items = vec![ConfigurationItem {
                scope_uri: None,
                section: Some("claimlint".into()),
            }];
            let value = match tokio::time::timeout(CLIENT_TIMEOUT, me.client.configuration(items)).await {
                Ok(Ok(values)) => values.into_iter().next().unwrap_or(Value::Null),
                Ok(Err(_)) => Value::Null,
                Err(_) => {
                    let msg = format!(
                        "claimlint: the client did not answer workspace/configuration within {} s; settings unchanged",
                        CLIENT_TIMEOUT.as_secs()
                    );
                    crate::stderr::line(msg.clone());
                    me.client.log_message(MessageType::WARNING, msg).await;
                    return;
                }
            };
            if me.state.config_asks.load(Ordering::SeqCst) != ask {
                return; // a newer settings change was made meanwhile
            }
            if only_if_set && value.is_null() {
                return;
            }
            let settings = me.settings_from(&value);
            if only_if_set && settings == Settings::default() && lock(&me.state.pending).is_empty() {
                return;
            }
            me.reconfigure(settings).await;
        });
    }

    /// Drop an open note and withdraw its diagnostics.
    async fn forget(&self, uri: Url) {
        lock(&self.state.docs).close(&uri);
        lock(&self.state.analyses).remove(&uri);
        lock(&self.state.checkers).remove(&uri);
        lock(&self.state.published).remove(&uri);
        lock(&self.state.gates).remove(&uri);
        if !self.state.caps().pull {
            let _order = self.state.publish.lock().await;
            publish(&self.client, &self.outbox, uri, Vec::new(), None).await;
        }
    }

    /// The guard could not decode a change to `uri` (F2): the server's copy
    /// of the note is no longer the editor's, and every later edit would
    /// land on the wrong text. So the note is dropped (no diagnostics, no
    /// answers from a text the user does not see) and the user is told to
    /// reopen it, which sends the full text again.
    pub async fn out_of_step(&self, params: OutOfStepParams) {
        let uri = params.uri;
        if lock(&self.state.docs).version(&uri).is_none() {
            return;
        }
        self.forget(uri.clone()).await;
        let msg = format!(
            "claimlint: a change to {uri} could not be decoded ({}), so claimlint's copy of the note is out of step with the editor's. \
             Its diagnostics are withdrawn; close and reopen the note to check it again.",
            params.reason
        );
        crate::stderr::line(msg.clone());
        self.client.show_message(MessageType::WARNING, msg).await;
    }

    /// The settings so far with a client's settings object applied key by
    /// key; a rejected value is told to the user and keeps its old value.
    fn settings_from(&self, value: &Value) -> Settings {
        let mut settings = lock(&self.state.settings).clone();
        for e in settings.patch(value) {
            lock(&self.state.pending).push((MessageType::ERROR, e));
        }
        settings
    }
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let c = &params.capabilities;
        // (`workspace.diagnostic` is where lsp-types 0.94 reads what the
        // protocol spells `workspace.diagnostics`: the transport copies the
        // raw JSON across, see `capabilities::spell_diagnostics`.)
        let diagnostic_refresh = c
            .workspace
            .as_ref()
            .and_then(|w| w.diagnostic.as_ref())
            .and_then(|d| d.refresh_support)
            .unwrap_or(false);
        let hover_formats = c
            .text_document
            .as_ref()
            .and_then(|t| t.hover.as_ref())
            .and_then(|h| h.content_format.as_ref());
        let watched = c.workspace.as_ref().and_then(|w| w.did_change_watched_files.as_ref());
        let caps = Caps {
            enc: encoding::negotiate(c),
            // Pull only when the client can be told to pull again after a
            // settings change; otherwise push, so nothing stays stale.
            pull: c.text_document.as_ref().and_then(|t| t.diagnostic.as_ref()).is_some() && diagnostic_refresh,
            hover_markdown: hover_formats.is_none_or(|f| f.contains(&MarkupKind::Markdown)),
            watch_files: watched.and_then(|w| w.dynamic_registration).unwrap_or(false),
            watch_relative: watched.and_then(|w| w.relative_pattern_support).unwrap_or(false),
            link_tooltips: c
                .text_document
                .as_ref()
                .and_then(|t| t.document_link.as_ref())
                .and_then(|l| l.tooltip_support)
                .unwrap_or(false),
            configuration: c.workspace.as_ref().and_then(|w| w.configuration).unwrap_or(false),
            diagnostic_refresh,
            code_lens_refresh: c
                .workspace
                .as_ref()
                .and_then(|w| w.code_lens.as_ref())
                .and_then(|d| d.refresh_support)
                .unwrap_or(false),
        };
        *self.state.caps.write().unwrap_or_else(|e| e.into_inner()) = caps;
        let mut roots: Vec<PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| f.uri.to_file_path().ok())
            .collect();
        if roots.is_empty() {
            roots.extend(params.root_uri.as_ref().and_then(|u| u.to_file_path().ok()));
        }
        *lock(&self.state.roots) = roots;
        let settings = self.settings_from(params.initialization_options.as_ref().unwrap_or(&Value::Null));
        *lock(&self.state.settings) = settings.clone();
        // The world (claim base, article, engine: tens of milliseconds) is
        // built in the background; what needs it waits (`State::ready`).
        self.state.building.store(true, Ordering::SeqCst);
        let me = self.clone();
        tokio::spawn(async move {
            // The answer goes out first: the client says `initialized` once
            // it has it (a client that never does waits 50 ms).
            let _ = tokio::time::timeout(Duration::from_millis(50), me.state.initialized.notified()).await;
            me.build(settings).await;
            me.state.ready.send_replace(true);
        });
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "claimlint".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            capabilities: ServerCapabilities {
                position_encoding: Some(encoding::kind(caps.enc)),
                text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    ..TextDocumentSyncOptions::default()
                })),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                definition_provider: Some(OneOf::Left(true)),
                document_link_provider: Some(DocumentLinkOptions {
                    resolve_provider: Some(false),
                    work_done_progress_options: WorkDoneProgressOptions::default(),
                }),
                document_symbol_provider: Some(OneOf::Left(true)),
                workspace_symbol_provider: Some(OneOf::Left(true)),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec!["§".into(), "[".into()]),
                    ..CompletionOptions::default()
                }),
                code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                    code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                    ..CodeActionOptions::default()
                })),
                code_lens_provider: Some(CodeLensOptions {
                    resolve_provider: Some(false),
                }),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: vec![SHOW_UNCOVERED.into()],
                    ..ExecuteCommandOptions::default()
                }),
                diagnostic_provider: caps.pull.then(|| {
                    DiagnosticServerCapabilities::Options(DiagnosticOptions {
                        identifier: Some("claimlint".into()),
                        inter_file_dependencies: false,
                        workspace_diagnostics: false,
                        work_done_progress_options: WorkDoneProgressOptions::default(),
                    })
                }),
                ..ServerCapabilities::default()
            },
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        self.state.initialized.notify_one();
        self.state.ready().await;
        let world = self.state.world();
        self.tell(&world).await;
        self.watch(&world).await;
        // A client that sent no options may answer workspace/configuration.
        let no_options = *lock(&self.state.settings) == Settings::default();
        if no_options && self.state.caps().configuration {
            self.ask_settings(true);
        }
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let d = params.text_document;
        lock(&self.state.docs).open(d.uri.clone(), &d.language_id, d.version, d.text);
        self.schedule(d.uri);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let enc = self.state.caps().enc;
        let result = lock(&self.state.docs).change(&uri, params.text_document.version, params.content_changes, enc);
        match result {
            Ok(_) => self.schedule(uri),
            Err(e @ ChangeError::UnknownDocument) | Err(e @ ChangeError::Stale { .. }) => {
                self.client
                    .log_message(MessageType::WARNING, format!("claimlint: {uri}: ignored {e}"))
                    .await;
            }
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        self.forget(params.text_document.uri).await;
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let value = params.settings;
        let empty = value.is_null() || value.as_object().is_some_and(|o| o.is_empty());
        if empty && self.state.caps().configuration {
            self.ask_settings(false);
            return;
        }
        // Settings given: they win over the answer to any earlier request.
        self.state.config_asks.fetch_add(1, Ordering::SeqCst);
        let settings = self.settings_from(&value);
        self.reconfigure(settings).await;
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        // A settings file, the claim base or the article changed on disk:
        // build the world again with the same settings.
        let watched = lock(&self.state.watching).clone().unwrap_or_default();
        let matters = params.changes.iter().any(|change| {
            change.uri.to_file_path().is_ok_and(|p| {
                p.file_name().is_some_and(|n| n == crate::config::FILE_NAME)
                    || watched
                        .iter()
                        .any(|w| *w == p || p.canonicalize().is_ok_and(|c| *w == c))
            })
        });
        if matters {
            let settings = lock(&self.state.settings).clone();
            self.reconfigure(settings).await;
        }
    }

    async fn diagnostic(&self, params: DocumentDiagnosticParams) -> Result<DocumentDiagnosticReportResult> {
        let uri = params.text_document.uri;
        let previous = params.previous_result_id;
        let got = self
            .with_analysis(&uri, "checking the note", |w, an, enc| {
                (result_id(an), diagnostics(w, an, enc))
            })
            .await;
        let report = match got {
            Some((id, _)) if previous.as_deref() == Some(id.as_str()) => {
                DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
                    related_documents: None,
                    unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport { result_id: id },
                })
            }
            got => {
                let (result_id, items) = got.map_or((None, Vec::new()), |(id, items)| (Some(id), items));
                DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                    related_documents: None,
                    full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id, items },
                })
            }
        };
        Ok(DocumentDiagnosticReportResult::Report(report))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let p = params.text_document_position_params;
        let pos = p.position;
        let markdown = self.state.caps().hover_markdown;
        Ok(self
            .with_analysis(&p.text_document.uri, "answering a hover", move |w, an, enc| {
                hover(w, an, pos, enc, markdown)
            })
            .await
            .flatten())
    }

    async fn goto_definition(&self, params: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        let pos = p.position;
        Ok(self
            .with_analysis(&p.text_document.uri, "finding a definition", move |w, an, enc| {
                definition(w, an, pos, enc)
            })
            .await
            .flatten())
    }

    async fn document_link(&self, params: DocumentLinkParams) -> Result<Option<Vec<DocumentLink>>> {
        // A tooltip only for a client that says it shows them.
        let tooltips = self.state.caps().link_tooltips;
        Ok(self
            .with_analysis(&params.text_document.uri, "finding links", move |w, an, enc| {
                let mut found = links(w, an, enc);
                if !tooltips {
                    found.iter_mut().for_each(|l| l.tooltip = None);
                }
                found
            })
            .await)
    }

    async fn document_symbol(&self, params: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
        Ok(self
            .with_analysis(&params.text_document.uri, "listing headings", |_, an, enc| {
                DocumentSymbolResponse::Nested(document_symbols(an, enc))
            })
            .await)
    }

    async fn symbol(&self, params: WorkspaceSymbolParams) -> Result<Option<Vec<SymbolInformation>>> {
        self.state.ready().await;
        let world = self.state.world();
        let enc = self.state.caps().enc;
        Ok(pure(&self.client, "listing symbols", move || {
            workspace_symbols(&world, &params.query, enc)
        })
        .await)
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let p = params.text_document_position;
        let Some(snap) = lock(&self.state.docs).get(&p.text_document.uri) else {
            return Ok(None);
        };
        self.state.ready().await;
        let world = self.state.world();
        if !world.is_note(&p.text_document.uri, &snap.language_id) {
            return Ok(None);
        }
        let enc = self.state.caps().enc;
        let items = pure(&self.client, "completing", move || {
            completion(&world, &snap, p.position, enc)
        })
        .await;
        Ok(items.map(CompletionResponse::Array))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri.clone();
        let Some(snap) = lock(&self.state.docs).get(&uri) else {
            return Ok(None);
        };
        let enc = self.state.caps().enc;
        Ok(pure(&self.client, "making code actions", move || {
            code_actions(&uri, &snap, &params, enc)
        })
        .await)
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        let uri = params.text_document.uri;
        let u = uri.clone();
        Ok(self
            .with_analysis(&uri, "measuring coverage", move |w, an, enc| {
                code_lenses(w, an, &u, enc)
            })
            .await)
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<Value>> {
        if params.command != SHOW_UNCOVERED {
            return Err(Error::invalid_params(format!("unknown command {}", params.command)));
        }
        let uri = uri_arg(params.arguments.first())?;
        let opts = params.arguments.get(1);
        let line = opts
            .and_then(|o| o.get("line"))
            .and_then(Value::as_u64)
            .map(|l| l as u32);
        let json = opts.and_then(|o| o.get("format")).and_then(Value::as_str) == Some("json");
        match self
            .with_analysis(&uri, "measuring coverage", move |w, an, enc| {
                show_uncovered(w, an, line, json, enc)
            })
            .await
        {
            Some(v) => Ok(Some(v)),
            None => Err(Error::invalid_params(format!("{uri} is not an open note"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_pure_work_becomes_its_message() {
        assert_eq!(catch(|| 3), Ok(3));
        let r = catch(|| -> u8 { panic!("the core broke at {}", 7) });
        let s = catch(|| -> u8 { std::panic::panic_any(1u8) });
        assert_eq!(r, Err("the core broke at 7".to_string()));
        assert_eq!(s, Err("a panic".to_string()));
    }
}
