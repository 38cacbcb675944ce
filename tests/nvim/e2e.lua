-- End-to-end test of claimlint in a real Neovim (0.11+), with the shipped
-- editors/nvim/lsp/claimlint.lua config. Run by tests/nvim/run.sh:
--
--   CLAIMLINT_REPO=... CLAIMLINT_BIN=... CLAIMLINT_E2E_ARTICLE=... CLAIMLINT_E2E_DIR=... \
--     nvim --headless --clean -c 'luafile tests/nvim/e2e.lua'
--
-- Opens a note holding known mistakes, waits for the diagnostics and checks
-- their codes and lines, asks for hover on an entity, follows a section
-- reference to the article, applies a quick fix, and changes the settings
-- (a code disabled: its findings disappear without an edit). Exits non-zero
-- on any failure.

local WAIT_MS = tonumber(os.getenv('CLAIMLINT_E2E_WAIT_MS') or '') or 20000

local passed, failed = 0, 0

local function out(msg)
  io.stdout:write(msg .. '\n')
  io.stdout:flush()
end

local function check(name, ok, detail)
  if ok then
    passed = passed + 1
    out('ok   ' .. name)
  else
    failed = failed + 1
    out('FAIL ' .. name .. (detail and (': ' .. detail) or ''))
  end
  return ok
end

local function finish(code)
  out(string.format('nvim e2e: %d passed, %d failed', passed, failed))
  for _, c in ipairs(vim.lsp.get_clients({ name = 'claimlint' })) do
    c:stop(true)
  end
  vim.cmd((code == 0 and failed == 0) and 'qall!' or ('cquit ' .. math.max(code, 1)))
end

local function env(name)
  local v = os.getenv(name)
  if not v or v == '' then
    error('environment variable ' .. name .. ' is not set (run tests/nvim/run.sh)', 0)
  end
  return v
end

--- The tail of Neovim's LSP log (the server's stderr lands there too).
local function log_tail(n)
  local path = vim.lsp.log.get_filename()
  local f = io.open(path, 'r')
  if not f then
    return '(no LSP log at ' .. path .. ')'
  end
  local lines = {}
  for l in f:lines() do
    lines[#lines + 1] = l
  end
  f:close()
  return table.concat(vim.list_slice(lines, math.max(1, #lines - n + 1)), '\n')
end

local function real(path)
  return vim.uv.fs_realpath(path) or vim.fs.normalize(path)
end

--- Flattens a hover's contents (MarkupContent, MarkedString or a list of them).
local function hover_text(contents)
  if type(contents) == 'string' then
    return contents
  end
  if type(contents) ~= 'table' then
    return ''
  end
  if contents.value then
    return contents.value
  end
  local parts = {}
  for _, c in ipairs(contents) do
    parts[#parts + 1] = hover_text(c)
  end
  return table.concat(parts, '\n')
end

--- First result of buf_request_sync from our client, or nil and why.
local function request(bufnr, method, params)
  local replies, err = vim.lsp.buf_request_sync(bufnr, method, params, 10000)
  if not replies then
    return nil, method .. ': no reply (' .. tostring(err) .. ')'
  end
  for _, r in pairs(replies) do
    if r.error then
      return nil, method .. ': server error ' .. vim.inspect(r.error)
    end
    if r.result ~= nil and r.result ~= vim.NIL then
      return r.result
    end
  end
  return nil, method .. ': empty result'
end

-- What the server tells the user; an error or warning here means the
-- settings did not work (e.g. the article could not be read).
local shown = {}
vim.lsp.handlers['window/showMessage'] = function(_, r)
  if r and r.type <= vim.lsp.protocol.MessageType.Warning then
    shown[#shown + 1] = r.message
  end
  return vim.NIL
end

local function main()
  local repo = env('CLAIMLINT_REPO')
  local bin = env('CLAIMLINT_BIN')
  local article = real(env('CLAIMLINT_E2E_ARTICLE'))
  local dir = env('CLAIMLINT_E2E_DIR')
  vim.lsp.log.set_level(vim.log.levels.WARN)

  check('Neovim is 0.11 or newer', vim.fn.has('nvim-0.11') == 1, tostring(vim.version()))
  if not check('server binary exists', vim.fn.executable(bin) == 1, bin) then
    return finish(1)
  end
  if not check('article exists', vim.uv.fs_stat(article) ~= nil, article) then
    return finish(1)
  end

  -- The note: one known mistake a line, then a section reference to follow.
  -- The project (root marked by .git) holds the note only, not the article:
  -- the server must get the article from the settings, not find it there.
  local project = dir .. '/project'
  vim.fn.mkdir(project .. '/.git', 'p')
  local note = project .. '/week-notes.md'
  local lines = {
    '# Notes on the week of talks', -- 0
    '', -- 1
    '- Montenegro joined NATO in 2016.', -- 2 wrong-date (2017)
    '- Biden invited Putin to a summit in Helsinki.', -- 3 wrong-place (Geneva)
    '- see §Roots of the Crisis.', -- 4 unknown-section
    '- The Baltic battalions placate the four host countries.', -- 5 wrong-number (three)
    '- See §Security Guarantees.', -- 6 a real section: definition target
  }
  vim.fn.writefile(lines, note)

  -- The article as a user names it, from the home folder: the config must
  -- expand `~` (the server does not).
  local home = dir .. '/home'
  vim.fn.mkdir(home .. '/articles', 'p')
  assert(vim.uv.fs_symlink(article, home .. '/articles/week-of-talks.txt'))
  vim.env.HOME = home

  -- The shipped config, found on 'runtimepath' as a user's lsp/claimlint.lua would be.
  vim.opt.runtimepath:prepend(repo .. '/editors/nvim')
  vim.lsp.config('claimlint', {
    cmd = { bin, 'lsp' },
    settings = { claimlint = { article = '~/articles/week-of-talks.txt' } },
  })
  local cfg = vim.lsp.config.claimlint
  check(
    'shipped lsp/claimlint.lua is picked up from runtimepath',
    cfg
      and vim.deep_equal(cfg.filetypes, { 'markdown' })
      and vim.deep_equal(cfg.root_markers, { '.claimlint.toml', '.git' })
      and type(cfg.before_init) == 'function',
    vim.inspect(cfg)
  )
  vim.lsp.enable('claimlint')

  vim.cmd.edit(vim.fn.fnameescape(note))
  local buf = vim.api.nvim_get_current_buf()
  check('note opens as markdown', vim.bo[buf].filetype == 'markdown', vim.bo[buf].filetype)

  local client
  vim.wait(WAIT_MS, function()
    client = vim.lsp.get_clients({ bufnr = buf, name = 'claimlint' })[1]
    return client ~= nil and client.initialized == true
  end, 50)
  if not check('claimlint attaches to the note and initializes', client ~= nil and client.initialized, nil) then
    out('--- LSP log ---\n' .. log_tail(40))
    return finish(1)
  end
  check('root_dir comes from root_markers', client.root_dir and real(client.root_dir) == real(project), tostring(client.root_dir))
  local sent = client.config.settings and client.config.settings.claimlint or {}
  check(
    'the article setting goes out with ~ expanded',
    sent.article == home .. '/articles/week-of-talks.txt',
    vim.inspect(sent)
  )

  -- Diagnostics: code and 0-based line of each known mistake.
  -- `span` is the note's text under the diagnostic, `says` what the message must name.
  local expected = {
    { code = 'wrong-date', line = 2, span = '2016', says = { '2017' } },
    { code = 'wrong-place', line = 3, span = 'Helsinki', says = { 'Geneva' } },
    { code = 'unknown-section', line = 4, span = '§Roots of the Crisis', says = { 'Roots' } },
    { code = 'wrong-number', line = 5, span = 'four', says = { '3', 'three' } },
  }
  local function has(e)
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == e.code and d.lnum == e.line then
        return d
      end
    end
  end
  vim.wait(WAIT_MS, function()
    for _, e in ipairs(expected) do
      if not has(e) then
        return false
      end
    end
    return true
  end, 100)
  local got = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    got[#got + 1] = string.format('%s@%d %q', tostring(d.code), d.lnum, d.message)
  end
  local got_s = #got > 0 and table.concat(got, '; ') or 'no diagnostics'
  out('     diagnostics: ' .. got_s)
  for _, e in ipairs(expected) do
    local d = has(e)
    local span, says = nil, false
    if d then
      span = table.concat(vim.api.nvim_buf_get_text(buf, d.lnum, d.col, d.end_lnum, d.end_col, {}), '\n')
      for _, w in ipairs(e.says) do
        says = says or d.message:find(w, 1, true) ~= nil
      end
    end
    check(
      string.format('diagnostic %s on line %d, over “%s”, naming %s', e.code, e.line, e.span, e.says[1]),
      d ~= nil and span == e.span and says,
      d and string.format('over “%s”: %s', tostring(span), d.message) or ('got ' .. got_s)
    )
  end
  local clean = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.lnum < 2 or d.lnum > 5 then
      clean[#clean + 1] = string.format('%s@%d', tostring(d.code), d.lnum)
    end
  end
  check('no diagnostic on the correct lines', #clean == 0, table.concat(clean, ', '))
  if #got == 0 then
    out('--- LSP log ---\n' .. log_tail(40))
  end

  -- Hover on an entity: Putin, line 3.
  local putin_col = lines[4]:find('Putin', 1, true) + 1 -- byte col, 0-based, inside the word
  vim.api.nvim_win_set_cursor(0, { 4, putin_col })
  local hover, herr = request(buf, 'textDocument/hover', vim.lsp.util.make_position_params(0, client.offset_encoding))
  local htext = hover and hover_text(hover.contents) or ''
  check(
    'hover on Putin tells who he is (names him, says President)',
    htext:find('Putin', 1, true) ~= nil and htext:lower():find('president', 1, true) ~= nil,
    herr or htext
  )

  -- Definition on §Security Guarantees: the article, at the heading's line.
  local heading_line
  for i, l in ipairs(vim.fn.readfile(article)) do
    if vim.trim(l) == 'Security Guarantees' then
      heading_line = i - 1
      break
    end
  end
  assert(heading_line, 'the article has no "Security Guarantees" heading')
  local ref_col = assert(lines[7]:find('Security', 1, true)) + 2
  vim.api.nvim_win_set_cursor(0, { 7, ref_col })
  local def, derr = request(buf, 'textDocument/definition', vim.lsp.util.make_position_params(0, client.offset_encoding))
  local loc = def and (def.uri or def.targetUri) and def or (type(def) == 'table' and def[1]) or nil
  local uri = loc and (loc.uri or loc.targetUri)
  local range = loc and (loc.targetSelectionRange or loc.range or loc.targetRange)
  check(
    'definition on §Security Guarantees is the article at the heading',
    uri ~= nil and real(vim.uri_to_fname(uri)) == article and range and range.start.line == heading_line,
    derr or string.format('want %s line %d, got %s', article, heading_line, vim.inspect(def))
  )

  -- The same through the editor: the jump opens the article at that line.
  vim.lsp.buf.definition()
  vim.wait(WAIT_MS, function()
    return vim.api.nvim_get_current_buf() ~= buf
  end, 50)
  local now = vim.api.nvim_buf_get_name(0)
  local row = vim.api.nvim_win_get_cursor(0)[1] - 1
  check(
    'go-to-definition opens the article at the heading line',
    real(now) == article and row == heading_line,
    string.format('now in %s at line %d, want %s line %d', now, row, article, heading_line)
  )

  -- Code action: the quick fix for the wrong year, applied, makes the line right
  -- and the diagnostic go away.
  vim.cmd.buffer(buf)
  local date = has(expected[1])
  local actions, aerr = date
      and request(buf, 'textDocument/codeAction', {
        textDocument = { uri = vim.uri_from_bufnr(buf) },
        range = {
          start = { line = 2, character = date.col },
          ['end'] = { line = 2, character = date.end_col },
        },
        context = { diagnostics = vim.lsp.diagnostic.from({ date }), only = { 'quickfix' } },
      })
  local fix
  for _, a in ipairs(type(actions) == 'table' and actions or {}) do
    if a.edit and (a.isPreferred or not fix) then
      fix = a
    end
  end
  if fix then
    vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
  end
  local fixed = vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1]
  check(
    'quick fix rewrites the year to 2017',
    fixed == '- Montenegro joined NATO in 2017.',
    aerr or string.format('line now %q (action %s)', fixed, fix and fix.title or 'none')
  )
  local gone = vim.wait(WAIT_MS, function()
    return has(expected[1]) == nil and has(expected[2]) ~= nil
  end, 100)
  check('after the fix, wrong-date is gone and the others stay', gone, 'still ' .. vim.inspect(vim.tbl_map(function(d)
    return d.code .. '@' .. d.lnum
  end, vim.diagnostic.get(buf))))

  -- A settings change, with no edit: a message naming only `disable` (the
  -- server merges key by key, so the article stays) turns wrong-place off,
  -- and its diagnostic disappears while the others stay.
  local tick = vim.b[buf].changedtick
  client:notify('workspace/didChangeConfiguration', { settings = { claimlint = { disable = { 'wrong-place' } } } })
  local refreshed = vim.wait(WAIT_MS, function()
    return has(expected[2]) == nil and has(expected[4]) ~= nil
  end, 100)
  check(
    'a settings change disabling wrong-place clears it without an edit',
    refreshed and vim.b[buf].changedtick == tick,
    vim.inspect(vim.tbl_map(function(d)
      return d.code .. '@' .. d.lnum
    end, vim.diagnostic.get(buf)))
  )
  vim.api.nvim_win_set_cursor(0, { 7, ref_col })
  local def2 = request(buf, 'textDocument/definition', vim.lsp.util.make_position_params(0, client.offset_encoding))
  local loc2 = def2 and (def2.uri or def2.targetUri) and def2 or (type(def2) == 'table' and def2[1]) or nil
  check(
    'the article given at start is kept after that partial change',
    loc2 ~= nil and real(vim.uri_to_fname(loc2.uri or loc2.targetUri)) == article,
    vim.inspect(def2)
  )

  vim.wait(500, function()
    return #shown > 0
  end, 50)
  check('the server reported no error or warning', #shown == 0, table.concat(shown, ' | '))

  finish(0)
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  check('test script ran to the end', false, tostring(err))
  finish(2)
end
