//! The language server: its state (one `DocumentState` per open document,
//! the worlds notes are checked against, one per workspace folder, the
//! client's capabilities and settings), and routing from each LSP method to
//! the pure function of its feature file. Checks, builds of the worlds and
//! features run on the blocking pool (`off_the_executor`), never on the task
//! that runs the handlers, so no request waits for another note's check (F3).
//! Workspace folders added or removed later rebuild the worlds. Results for
//! a superseded version, a closed opening of the note (F1) or an older world
//! are dropped, never published or answered from. Requests to the client
//! time out (F13).

use super::code_action::code_actions;
use super::code_lens::{code_lenses, show_uncovered, SHOW_UNCOVERED};
use super::completion::completion;
use super::config::{self, Settings, World, Worlds};
use super::definition::definition;
use super::diagnostics::{diagnostics, result_id, withdrawal, Analysis, PublishedJson};
use super::documents::{ChangeError, Snapshot, Store};
use super::encoding;
use super::hover::hover;
use super::links::links;
use super::symbols::{document_symbols, workspace_symbols};
use super::transport::{catching, Outbox};
use crate::engine::Incremental;
use crate::position::Encoding;
use serde_json::Value;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};
use std::time::Duration;
use tower_lsp::jsonrpc::{Error, Result};
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer};

/// What the client can do, resolved once at `initialize`.
#[derive(Clone, Copy, Default)]
struct Caps {
    enc: Encoding,
    /// The client pulls diagnostics (`textDocument/diagnostic`): no pushing.
    pull: bool,
    configuration: bool,
    diagnostic_refresh: bool,
    code_lens_refresh: bool,
    /// Hover must be plain text (`textDocument.hover.contentFormat` without Markdown).
    hover_plain: bool,
    /// The client watches files for us when asked (`workspace/didChangeWatchedFiles`).
    watch_files: bool,
    watch_relative: bool,
    /// `textDocument.documentLink.tooltipSupport`.
    link_tooltips: bool,
}

/// What the server keeps of an open document besides its text.
#[derive(Default)]
struct Work {
    /// The incremental checker of this opening, and the world generation it
    /// serves; taken out while a check runs.
    checker: Option<(u64, Incremental)>,
    /// The JSON of the diagnostics last published; taken out while a check runs.
    published: PublishedJson,
    /// The analysis of the current version against the current world, once made.
    analysis: Option<Arc<Analysis>>,
    /// One check at a time per document: a long check (a 10 MB note) is not
    /// joined by one per keystroke; waiting checks of superseded versions drop out.
    gate: Arc<tokio::sync::Mutex<()>>,
}

struct State {
    /// The open documents, one `DocumentState` each.
    docs: Mutex<Store<Work>>,
    /// What notes are checked against, a world per workspace folder; `None`
    /// until the first build lands (`initialize` answers at once and builds
    /// them in the background).
    worlds: RwLock<Option<Arc<Worlds>>>,
    /// Set once `initialize` started building the world, and once it landed.
    building: AtomicBool,
    ready: tokio::sync::watch::Sender<bool>,
    /// Notified when the client's `initialized` arrives (the world is built
    /// then, so that it does not compete with the `initialize` answer).
    initialized: tokio::sync::Notify,
    caps: RwLock<Caps>,
    settings: Mutex<Settings>,
    /// Each workspace folder's own settings, when the client gave them per
    /// folder (`workspace/configuration` asked with the folder as `scopeUri`);
    /// a folder not listed has `settings`.
    scoped: Mutex<Vec<(PathBuf, Settings)>>,
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
    /// Settings requests made so far: an answer to an older one is not applied.
    config_asks: AtomicU64,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl State {
    /// The current worlds (the bundled claim base alone, should anything ask
    /// before `initialize` built them).
    fn worlds(&self) -> Arc<Worlds> {
        if let Some(w) = self.worlds.read().unwrap_or_else(|e| e.into_inner()).as_ref() {
            return w.clone();
        }
        let mut slot = self.worlds.write().unwrap_or_else(|e| e.into_inner());
        slot.get_or_insert_with(|| Arc::new(Worlds::one(World::bundled())))
            .clone()
    }

    /// The current world of a document: its workspace folder's.
    fn world(&self, uri: &Url) -> Arc<World> {
        self.worlds().of(uri).clone()
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

    /// The document's gate and current text, if it is open.
    fn open(&self, uri: &Url) -> Option<(Arc<tokio::sync::Mutex<()>>, Snapshot)> {
        let docs = lock(&self.docs);
        let d = docs.state(uri)?;
        Some((d.work.gate.clone(), d.snapshot.clone()))
    }

    /// The kept analysis of a document, if it is of this snapshot (same
    /// opening, same version) and world.
    fn cached(&self, uri: &Url, snap: &Snapshot, generation: u64) -> Option<Arc<Analysis>> {
        let docs = lock(&self.docs);
        let an = docs.state(uri)?.work.analysis.as_ref()?;
        (an.snap.serial == snap.serial && an.snap.version == snap.version && an.generation == generation)
            .then(|| an.clone())
    }

    /// Check a snapshot, reusing the document's incremental checker (a new
    /// one when the world changed). Pure work: call it off the executor.
    fn analyze(&self, uri: &Url, world: &World, snap: Snapshot, checked: bool) -> Analysis {
        let serial = snap.serial;
        let mut inc = lock(&self.docs)
            .state_mut(uri)
            .filter(|d| d.snapshot.serial == serial)
            .and_then(|d| d.work.checker.take())
            .filter(|(generation, _)| *generation == world.generation)
            .map(|(_, inc)| inc)
            .unwrap_or_default();
        let an = Analysis::incremental(world, snap, checked, &mut inc);
        if let Some(d) = lock(&self.docs).state_mut(uri).filter(|d| d.snapshot.serial == serial) {
            d.work.checker = Some((world.generation, inc));
        }
        an
    }

    /// Keep an analysis if it is still the document's current one (the same
    /// opening: a reopened note starts at version 1 again; version; world),
    /// and then do `then` under the same lock: no newer result can land
    /// between the two.
    fn keep(&self, uri: &Url, an: Arc<Analysis>, then: impl FnOnce()) -> bool {
        let mut docs = lock(&self.docs);
        let current = docs.is_current(uri, &an.snap) && self.worlds().generation() == an.generation;
        if let Some(d) = docs.state_mut(uri).filter(|_| current) {
            d.work.analysis = Some(an);
            then();
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

/// Run blocking work (a check, a build of the world, a feature over a large
/// note) on tokio's blocking pool, never on the task that runs the handlers:
/// blocking there stops all dispatch for the length of the work (F3). A panic
/// in it goes on in the caller, to be caught where every panic is
/// (`transport::catching`).
async fn off_the_executor<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    match tokio::task::spawn_blocking(f).await {
        Ok(v) => v,
        Err(e) => match e.try_into_panic() {
            Ok(p) => std::panic::resume_unwind(p),
            Err(e) => panic!("{e}"),
        },
    }
}

/// How long a request to the client may stay unanswered (F13): a client
/// that never answers `workspace/configuration` must not hold a handler.
const CLIENT_TIMEOUT: Duration = Duration::from_secs(5);

/// A note at least this long has the heap's free pages handed back to the
/// system after each of its checks (`release_free_memory`).
const RELEASE_AFTER_BYTES: usize = 256 << 10;

/// Hand the allocator's free pages back to the system. A keystroke in a
/// large note frees megabytes in pieces (the previous version's texts,
/// findings and JSON) that glibc keeps as holes between live blocks, and the
/// resident size creeps up over hundreds of edits: with the bench's dense 1
/// MB note (3,539 findings), 240 edits peaked at 28.5-28.7 MB with this
/// and 29.5-29.9 MB without (two runs each). Under 24,000 instructions a
/// call (callgrind), against a large note's check of millions; a small
/// note's free blocks are reused as they are.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn release_free_memory() {
    // SAFETY: malloc_trim only returns free memory to the system; it takes
    // the allocator's own locks.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn release_free_memory() {}

/// The registration id of the file watchers.
const WATCH_ID: &str = "claimlint-watch";

fn uri_arg(v: Option<&Value>) -> Result<Url> {
    v.and_then(Value::as_str)
        .and_then(|s| Url::parse(s).ok())
        .ok_or_else(|| Error::invalid_params("expected the note's URI as the first argument"))
}

impl Backend {
    /// A server that publishes diagnostics through `outbox`, the transport's
    /// (`transport::serve`).
    pub fn new(client: Client, outbox: Outbox) -> Backend {
        Backend {
            client,
            outbox,
            state: Arc::new(State {
                docs: Mutex::new(Store::default()),
                worlds: RwLock::new(None),
                building: AtomicBool::new(false),
                ready: tokio::sync::watch::Sender::new(false),
                initialized: tokio::sync::Notify::new(),
                caps: RwLock::new(Caps::default()),
                settings: Mutex::new(Settings::default()),
                scoped: Mutex::new(Vec::new()),
                roots: Mutex::new(Vec::new()),
                pending: Mutex::new(Vec::new()),
                told_no_article: AtomicBool::new(false),
                told: Mutex::new(std::collections::HashSet::new()),
                watching: Mutex::new(None),
                request_id: AtomicU64::new(0),
                generation: AtomicU64::new(0),
                config_asks: AtomicU64::new(0),
            }),
        }
    }

    /// Run `work` in a task of its own, its panics caught and logged.
    fn spawn(&self, what: &'static str, work: impl std::future::Future<Output = ()> + Send + 'static) {
        let outbox = self.outbox.clone();
        tokio::spawn(async move {
            let _ = catching(what, &outbox, work).await;
        });
    }

    /// The analysis of an open document (kept, or made now) and `f` of it,
    /// off the executor. `None` for a document that is not open.
    async fn with_analysis<T: Send + 'static>(
        &self,
        uri: &Url,
        f: impl FnOnce(&World, &Analysis, Encoding) -> T + Send + 'static,
    ) -> Option<T> {
        let (gate, _) = self.state.open(uri)?;
        let _one_at_a_time = gate.lock().await;
        let snap = lock(&self.state.docs).get(uri)?;
        self.state.ready().await;
        let world = self.state.world(uri);
        let cached = self.state.cached(uri, &snap, world.generation);
        let enc = self.state.caps().enc;
        let checked = world.is_note(uri, &snap.language_id);
        let state = self.state.clone();
        let u = uri.clone();
        let (an, out) = off_the_executor(move || {
            let an = cached.unwrap_or_else(|| Arc::new(state.analyze(&u, &world, snap, checked)));
            let out = f(&world, &an, enc);
            (an, out)
        })
        .await;
        self.state.keep(uri, an, || {});
        Some(out)
    }

    /// Check a document now, and publish unless a newer version or world
    /// came in meanwhile. No debounce: an incremental check of an edit takes
    /// less than a keystroke's interval, and changes that arrive while a
    /// check runs wait at the gate, where all but the newest drop out.
    fn schedule(&self, uri: Url) {
        let state = self.state.clone();
        let outbox = self.outbox.clone();
        self.spawn("checking the note", async move {
            let Some((gate, snap)) = state.open(&uri) else {
                return;
            };
            let _one_at_a_time = gate.lock().await;
            if !lock(&state.docs).is_current(&uri, &snap) {
                return; // superseded: the newer change has its own check
            }
            state.ready().await;
            let world = state.world(&uri);
            let checked = world.is_note(&uri, &snap.language_id);
            // The previous version's analysis is of no more use; let go of
            // it, so the checker can edit its masked text in place.
            if let Some(d) = lock(&state.docs).state_mut(&uri) {
                d.work.analysis = None;
            }
            let caps = state.caps();
            let sent = outbox.uri_as_sent(&uri);
            let (st, u, name) = (state.clone(), uri.clone(), sent.clone());
            let mut published = (lock(&state.docs).state_mut(&uri))
                .map(|d| std::mem::take(&mut d.work.published))
                .unwrap_or_default();
            // The check and, for a client that is pushed to, the notification's JSON.
            let (an, body, published) = off_the_executor(move || {
                let an = Arc::new(st.analyze(&u, &world, snap, checked));
                let body = (!caps.pull).then(|| published.notification(&world, &an, &name, caps.enc));
                if an.text().len() >= RELEASE_AFTER_BYTES {
                    release_free_memory();
                }
                (an, body, published)
            })
            .await;
            let serial = an.snap.serial;
            state.keep(&uri, an, || {
                if let Some(body) = body {
                    outbox.publish(&sent, body);
                }
            });
            if let Some(d) = lock(&state.docs)
                .state_mut(&uri)
                .filter(|d| d.snapshot.serial == serial)
            {
                d.work.published = published;
            }
        });
    }

    /// Tell the user what building the worlds found (each problem once), log
    /// where every setting came from, and say (once) that there is no article.
    async fn tell(&self, worlds: &Worlds) {
        let pending: Vec<_> = std::mem::take(&mut *lock(&self.state.pending));
        let messages = worlds.all().flat_map(|w| w.messages.iter().cloned());
        for (t, m) in pending.into_iter().chain(messages) {
            if lock(&self.state.told).insert(m.clone()) {
                self.client.show_message(t, m).await;
            }
        }
        for (folders, world) in worlds.distinct() {
            let mut log = "claimlint: resolved sources".to_string();
            if !folders.is_empty() {
                let names: Vec<String> = folders.iter().map(|f| f.display().to_string()).collect();
                log.push_str(&format!(" for {}", names.join(", ")));
            }
            log.push_str(&format!("\n  {}", world.sources.join("\n  ")));
            self.client.log_message(MessageType::INFO, log).await;
        }
        let distinct = worlds.distinct();
        let unfound: Vec<_> = (distinct.iter())
            .filter(|(_, w)| w.engine.article.is_none() && !w.article_missing)
            .collect();
        if worlds.all().all(|w| w.engine.article.is_some()) {
            self.state.told_no_article.store(false, Ordering::SeqCst);
        } else if !unfound.is_empty() && !self.state.told_no_article.swap(true, Ordering::SeqCst) {
            // Folders with settings of their own: say which have no article.
            let mut whose = String::new();
            if distinct.len() > 1 {
                let names: Vec<String> = unfound
                    .iter()
                    .flat_map(|(f, _)| f)
                    .map(|f| f.display().to_string())
                    .collect();
                whose = format!(" for {}", names.join(", "));
            }
            let msg = format!(
                "claimlint: no article found{whose} (set claimlint.article, `article` in .claimlint.toml or CLAIMLINT_ARTICLE, or put the article's text in the workspace). \
                 Checks run on the claim base alone; go-to-section, article links and word-for-word quotation checks need the article."
            );
            self.client.show_message(MessageType::WARNING, msg).await;
        }
    }

    /// Send a request that takes no parameters (a refresh) with no `params`
    /// member at all, as the protocol has it (tower-lsp's client would send
    /// `"params": null`). The answer is of no interest.
    fn request_without_params(&self, method: &str) {
        let id = self.state.request_id.fetch_add(1, Ordering::SeqCst);
        self.outbox
            .send_json(&serde_json::json!({"jsonrpc": "2.0", "id": format!("claimlint-{id}"), "method": method}));
    }

    /// Ask the client to watch the files whose change alters findings (the
    /// settings file anywhere in the workspace, the claim base, the article),
    /// when it can; registered again when that set changes.
    async fn watch(&self, worlds: &Worlds) {
        let caps = self.state.caps();
        if !caps.watch_files {
            return;
        }
        let mut watched: Vec<PathBuf> = Vec::new();
        for p in worlds.all().flat_map(|w| &w.watched) {
            if !watched.contains(p) {
                watched.push(p.clone());
            }
        }
        let registered = {
            let mut watching = lock(&self.state.watching);
            if watching.as_ref() == Some(&watched) {
                return;
            }
            watching.replace(watched.clone()).is_some()
        };
        let mut watchers = vec![FileSystemWatcher {
            glob_pattern: GlobPattern::String(format!("**/{}", crate::config::FILE_NAME)),
            kind: None,
        }];
        for path in &watched {
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

    async fn build(&self, settings: Settings) -> Option<Arc<Worlds>> {
        let generation = self.state.generation.fetch_add(1, Ordering::SeqCst) + 1;
        let roots = lock(&self.state.roots).clone();
        let scoped = lock(&self.state.scoped).clone();
        let env = std::env::var("CLAIMLINT_ARTICLE").ok();
        let worlds =
            off_the_executor(move || config::build_all(&settings, &scoped, &roots, env.as_deref(), generation)).await;
        let worlds = Arc::new(worlds);
        let mut slot = self.state.worlds.write().unwrap_or_else(|e| e.into_inner());
        if slot.as_ref().is_some_and(|w| w.generation() > worlds.generation()) {
            return None; // a newer rebuild already landed
        }
        *slot = Some(worlds.clone());
        Some(worlds)
    }

    /// New settings: rebuild the worlds, tell the user, re-check every open note.
    async fn reconfigure(&self, settings: Settings) {
        *lock(&self.state.settings) = settings.clone();
        let Some(worlds) = self.build(settings).await else {
            return;
        };
        self.tell(&worlds).await;
        self.watch(&worlds).await;
        lock(&self.state.docs).states_mut().for_each(|d| d.work.analysis = None);
        // Push clients get every open note published again; pulling clients
        // are asked to pull again (only those that can be asked pull at all).
        let uris = lock(&self.state.docs).uris();
        for uri in uris {
            self.schedule(uri);
        }
        let caps = self.state.caps();
        if caps.pull && caps.diagnostic_refresh {
            self.request_without_params("workspace/diagnostic/refresh");
        }
        if caps.code_lens_refresh {
            self.request_without_params("workspace/codeLens/refresh");
        }
    }

    /// Ask the client for its settings, in a task of its own, at most
    /// `CLIENT_TIMEOUT`: once per workspace folder (the folder as
    /// `scopeUri`, so that a folder's own editor settings apply to the notes
    /// in it), or once without a scope in a workspace without folders. Apply
    /// them unless a newer settings change came in meanwhile. `only_if_set`:
    /// apply nothing when the answer is the defaults.
    fn ask_settings(&self, only_if_set: bool) {
        let ask = self.state.config_asks.fetch_add(1, Ordering::SeqCst) + 1;
        let me = self.clone();
        self.spawn("asking for the settings", async move {
            let roots = lock(&me.state.roots).clone();
            let scopes: Vec<Option<Url>> = if roots.is_empty() {
                vec![None]
            } else {
                roots.iter().map(|r| Url::from_file_path(r).ok()).collect()
            };
            let items = (scopes.into_iter())
                .map(|scope_uri| ConfigurationItem {
                    scope_uri,
                    section: Some("claimlint".into()),
                })
                .collect();
            let values = match tokio::time::timeout(CLIENT_TIMEOUT, me.client.configuration(items)).await {
                Ok(Ok(values)) => values,
                Ok(Err(_)) => Vec::new(),
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
            let value = |i: usize| values.get(i).unwrap_or(&Value::Null);
            if only_if_set && (0..roots.len().max(1)).all(|i| value(i).is_null()) {
                return;
            }
            let global = lock(&me.state.settings).clone();
            if roots.is_empty() {
                let settings = me.settings_from(&global, value(0));
                if only_if_set && settings == Settings::default() && lock(&me.state.pending).is_empty() {
                    return;
                }
                return me.reconfigure(settings).await;
            }
            // Each folder's answer applied over what that folder had.
            let had = lock(&me.state.scoped).clone();
            let scoped: Vec<(PathBuf, Settings)> = (roots.iter().enumerate())
                .map(|(i, r)| {
                    (
                        r.clone(),
                        me.settings_from(config::of_folder(&global, &had, r), value(i)),
                    )
                })
                .collect();
            if only_if_set
                && scoped.iter().all(|(_, s)| *s == Settings::default())
                && lock(&me.state.pending).is_empty()
            {
                return;
            }
            *lock(&me.state.scoped) = scoped;
            me.reconfigure(global).await;
        });
    }

    /// Drop an open note (all the server kept of it goes with it) and
    /// withdraw its diagnostics, under the store's lock: no publication of
    /// a check still running can follow.
    fn forget(&self, uri: Url) {
        let mut docs = lock(&self.state.docs);
        docs.close(&uri);
        if !self.state.caps().pull {
            let sent = self.outbox.uri_as_sent(&uri);
            self.outbox.publish(&sent, withdrawal(&sent));
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
        self.forget(uri.clone());
        let msg = format!(
            "claimlint: a change to {uri} could not be decoded ({}), so claimlint's copy of the note is out of step with the editor's. \
             Its diagnostics are withdrawn; close and reopen the note to check it again.",
            params.reason
        );
        crate::stderr::line(msg.clone());
        self.client.show_message(MessageType::WARNING, msg).await;
    }

    /// The settings `so_far` with a client's settings object applied key by
    /// key; a rejected value is told to the user and keeps its old value.
    fn settings_from(&self, so_far: &Settings, value: &Value) -> Settings {
        let mut settings = so_far.clone();
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
            hover_plain: hover_formats.is_some_and(|f| !f.contains(&MarkupKind::Markdown)),
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
        let settings = self.settings_from(
            &Settings::default(),
            params.initialization_options.as_ref().unwrap_or(&Value::Null),
        );
        *lock(&self.state.settings) = settings.clone();
        // The world (claim base, article, engine: tens of milliseconds) is
        // built in the background; what needs it waits (`State::ready`).
        self.state.building.store(true, Ordering::SeqCst);
        let me = self.clone();
        tokio::spawn(async move {
            // The answer goes out first: the client says `initialized` once
            // it has it (a client that never does waits 50 ms).
            let _ = tokio::time::timeout(Duration::from_millis(50), me.state.initialized.notified()).await;
            // Ready even if the build failed: what waits then has the bundled claim base.
            let _ = catching("loading the article and the claim base", &me.outbox, me.build(settings)).await;
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
                workspace: Some(WorkspaceServerCapabilities {
                    workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                        supported: Some(true),
                        change_notifications: Some(OneOf::Left(true)),
                    }),
                    file_operations: None,
                }),
                ..ServerCapabilities::default()
            },
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        self.state.initialized.notify_one();
        self.state.ready().await;
        let worlds = self.state.worlds();
        self.tell(&worlds).await;
        self.watch(&worlds).await;
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
        self.forget(params.text_document.uri);
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let value = params.settings;
        let empty = value.is_null() || value.as_object().is_some_and(|o| o.is_empty());
        if empty && self.state.caps().configuration {
            self.ask_settings(false);
            return;
        }
        // Settings given: they win over the answer to any earlier request,
        // in every folder.
        self.state.config_asks.fetch_add(1, Ordering::SeqCst);
        let global = lock(&self.state.settings).clone();
        let settings = self.settings_from(&global, &value);
        let scoped = lock(&self.state.scoped).clone();
        let scoped = (scoped.into_iter())
            .map(|(r, s)| (r, self.settings_from(&s, &value)))
            .collect();
        *lock(&self.state.scoped) = scoped;
        self.reconfigure(settings).await;
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        // Folders come and go: each has its own settings, so build the worlds again.
        let path = |f: &WorkspaceFolder| f.uri.to_file_path().ok();
        let removed: Vec<PathBuf> = params.event.removed.iter().filter_map(path).collect();
        {
            let mut roots = lock(&self.state.roots);
            roots.retain(|r| !removed.contains(r));
            for p in params.event.added.iter().filter_map(path) {
                if !roots.contains(&p) {
                    roots.push(p);
                }
            }
        }
        // A removed folder's own settings go with it (were it added again,
        // it would start from the workspace's, like any new folder).
        let asked_per_folder = {
            let mut scoped = lock(&self.state.scoped);
            let asked = !scoped.is_empty();
            scoped.retain(|(r, _)| !removed.contains(r));
            asked
        };
        let settings = lock(&self.state.settings).clone();
        self.reconfigure(settings).await;
        // Settings asked per folder: ask the new folders' too.
        if asked_per_folder && self.state.caps().configuration {
            self.ask_settings(false);
        }
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
            .with_analysis(&uri, |w, an, enc| (result_id(an), diagnostics(w, an, enc)))
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
        let markdown = !self.state.caps().hover_plain;
        Ok(self
            .with_analysis(&p.text_document.uri, move |w, an, enc| hover(w, an, pos, enc, markdown))
            .await
            .flatten())
    }

    async fn goto_definition(&self, params: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        let pos = p.position;
        Ok(self
            .with_analysis(&p.text_document.uri, move |w, an, enc| definition(w, an, pos, enc))
            .await
            .flatten())
    }

    async fn document_link(&self, params: DocumentLinkParams) -> Result<Option<Vec<DocumentLink>>> {
        // A tooltip only for a client that says it shows them.
        let tooltips = self.state.caps().link_tooltips;
        Ok(self
            .with_analysis(&params.text_document.uri, move |w, an, enc| {
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
            .with_analysis(&params.text_document.uri, |_, an, enc| {
                DocumentSymbolResponse::Nested(document_symbols(an, enc))
            })
            .await)
    }

    async fn symbol(&self, params: WorkspaceSymbolParams) -> Result<Option<Vec<SymbolInformation>>> {
        self.state.ready().await;
        let worlds = self.state.worlds();
        let enc = self.state.caps().enc;
        Ok(Some(
            off_the_executor(move || {
                // Each world's, once: folders alike share a world, and
                // worlds of the same article give the same symbols.
                let mut found: Vec<SymbolInformation> = Vec::new();
                for (_, world) in worlds.distinct() {
                    for s in workspace_symbols(world, &params.query, enc) {
                        if !found.contains(&s) {
                            found.push(s);
                        }
                    }
                }
                found
            })
            .await,
        ))
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let p = params.text_document_position;
        let Some(snap) = lock(&self.state.docs).get(&p.text_document.uri) else {
            return Ok(None);
        };
        self.state.ready().await;
        let world = self.state.world(&p.text_document.uri);
        if !world.is_note(&p.text_document.uri, &snap.language_id) {
            return Ok(None);
        }
        let enc = self.state.caps().enc;
        let items = off_the_executor(move || completion(&world, &snap, p.position, enc)).await;
        Ok(Some(CompletionResponse::Array(items)))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri.clone();
        let Some(snap) = lock(&self.state.docs).get(&uri) else {
            return Ok(None);
        };
        let enc = self.state.caps().enc;
        Ok(Some(
            off_the_executor(move || code_actions(&uri, &snap, &params, enc)).await,
        ))
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        let uri = params.text_document.uri;
        let u = uri.clone();
        Ok(self
            .with_analysis(&uri, move |w, an, enc| code_lenses(w, an, &u, enc))
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
            .with_analysis(&uri, move |w, an, enc| show_uncovered(w, an, line, json, enc))
            .await
        {
            Some(v) => Ok(Some(v)),
            None => Err(Error::invalid_params(format!("{uri} is not an open note"))),
        }
    }
}
