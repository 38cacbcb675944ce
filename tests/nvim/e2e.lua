-- End-to-end test of claimlint in a real Neovim (0.11+), with the shipped
-- editors/nvim/lsp/claimlint.lua config. Run by tests/nvim/run.sh:
--
--   CLAIMLINT_REPO=... CLAIMLINT_BIN=... CLAIMLINT_E2E_ARTICLE=... CLAIMLINT_E2E_DIR=... \
--     nvim --headless --clean -c 'luafile tests/nvim/e2e.lua'
--
-- Opens a note holding known mistakes, waits for the diagnostics and checks
-- their codes and lines, asks for hover on an entity, and follows a section
-- reference to the article. Exits non-zero on any failure.

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
  vim.fn.mkdir(dir .. '/.git', 'p') -- a project root for root_markers
  local note = dir .. '/week-notes.md'
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

  -- The shipped config, found on 'runtimepath' as a user's lsp/claimlint.lua would be.
  vim.opt.runtimepath:prepend(repo .. '/editors/nvim')
  vim.lsp.config('claimlint', {
    cmd = { bin, 'lsp' },
    settings = { claimlint = { article = article } },
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
  check('root_dir comes from root_markers', client.root_dir and real(client.root_dir) == real(dir), tostring(client.root_dir))
  local init_opts = client.config.settings and client.config.settings.claimlint or {}
  check('settings reach the server with the article path', init_opts.article == article, vim.inspect(init_opts))

  -- Diagnostics: code and 0-based line of each known mistake.
  local expected = {
    { code = 'wrong-date', line = 2 },
    { code = 'wrong-place', line = 3 },
    { code = 'unknown-section', line = 4 },
    { code = 'wrong-number', line = 5 },
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
  for _, e in ipairs(expected) do
    local d = has(e)
    check(
      string.format('diagnostic %s on line %d', e.code, e.line),
      d ~= nil and type(d.message) == 'string' and d.message ~= '',
      'got ' .. got_s
    )
  end
  if #got == 0 then
    out('--- LSP log ---\n' .. log_tail(40))
  end

  -- Hover on an entity: Putin, line 3.
  local putin_col = lines[4]:find('Putin', 1, true) + 1 -- byte col, 0-based, inside the word
  vim.api.nvim_win_set_cursor(0, { 4, putin_col })
  local hover, herr = request(buf, 'textDocument/hover', vim.lsp.util.make_position_params(0, client.offset_encoding))
  local htext = hover and hover_text(hover.contents) or ''
  check('hover on Putin tells who he is', htext:lower():find('president', 1, true) ~= nil, herr or htext)

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

  finish(0)
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  check('test script ran to the end', false, tostring(err))
  finish(2)
end
