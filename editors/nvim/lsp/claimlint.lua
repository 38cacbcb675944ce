-- claimlint language server for Neovim 0.11+ (vim.lsp.config / vim.lsp.enable).
--
-- Drop-in: copy this file to ~/.config/nvim/lsp/claimlint.lua (or put the
-- editors/nvim folder of the claimlint repository on 'runtimepath'), then in
-- your init.lua:
--
--   vim.lsp.config('claimlint', {
--     settings = { claimlint = { article = '~/articles/week-of-talks.txt' } },
--   })
--   vim.lsp.enable('claimlint')
--
-- Settings (all optional; the same keys go out as initializationOptions):
--   article  = path to the article's text (relative: from the project root)
--   claims   = path to a claim-base TOML (default: the bundled claim base)
--   severity = { ['wrong-section'] = 'error', unsupported = 'hint' }
--   disable  = { 'unsupported' }
-- A `.claimlint.toml` in the project marks the root. Hover (K), definition
-- (gd / CTRL-]) and code actions (gra) use your usual LSP keymaps.
-- :ClaimlintUncovered shows, in a split, the sections and key claims of the
-- article that the note does not touch yet.

local function is_abs(p)
  return p:sub(1, 1) == '/' or p:match('^%a:[/\\]') ~= nil
end

--- The settings as the server wants them: paths expanded and absolute, empty
--- values left out (the server merges key by key and takes no empty path).
local function server_settings(s, root)
  local out = {}
  for _, key in ipairs({ 'article', 'claims' }) do
    local p = s[key]
    if type(p) == 'string' and p ~= '' then
      p = vim.fs.normalize(p) -- expands ~ and $VARS
      if not is_abs(p) then
        p = vim.fs.joinpath(root or vim.fn.getcwd(), p)
      end
      out[key] = vim.fs.normalize(p)
    end
  end
  if type(s.severity) == 'table' and next(s.severity) then
    out.severity = s.severity
  end
  if type(s.disable) == 'table' and #s.disable > 0 then
    out.disable = s.disable
  end
  if type(s.plaintext) == 'boolean' then
    out.plaintext = s.plaintext -- also check plain-text buffers (add 'text' to filetypes)
  end
  return next(out) and out or vim.empty_dict()
end

---@type vim.lsp.Config
return {
  cmd = { 'claimlint', 'lsp' },
  filetypes = { 'markdown' },
  root_markers = { '.claimlint.toml', '.git' },
  -- Set the article with vim.lsp.config (see above) only to override the
  -- project's: without it the server takes `article` from the project's
  -- .claimlint.toml, then $CLAIMLINT_ARTICLE, then the article's text if it
  -- lies in the project (`claimlint sections` prints which it uses).
  settings = { claimlint = {} },
  before_init = function(params, config)
    config.settings = config.settings or {}
    local s = server_settings(config.settings.claimlint or {}, config.root_dir)
    -- The same table answers workspace/configuration and didChangeConfiguration.
    config.settings.claimlint = s
    local own = params.initializationOptions
    if type(own) == 'table' and next(own) then
      params.initializationOptions = vim.tbl_deep_extend('force', s, own)
    else
      params.initializationOptions = s
    end
  end,
  on_attach = function(client, bufnr)
    vim.api.nvim_buf_create_user_command(bufnr, 'ClaimlintUncovered', function()
      client:exec_cmd({
        title = 'Show uncovered claims',
        command = 'claimlint.showUncovered',
        arguments = { vim.uri_from_bufnr(bufnr) },
      }, { bufnr = bufnr }, function(err, result)
        if err then
          vim.notify('claimlint: ' .. err.message, vim.log.levels.ERROR)
          return
        end
        local text = type(result) == 'string' and result or vim.inspect(result)
        vim.cmd('botright new')
        local report = vim.api.nvim_get_current_buf()
        vim.bo[report].buftype = 'nofile' -- not a note: claimlint leaves it alone
        vim.bo[report].bufhidden = 'wipe'
        vim.bo[report].swapfile = false
        vim.api.nvim_buf_set_lines(report, 0, -1, false, vim.split(text, '\n', { plain = true }))
        vim.bo[report].modifiable = false
        vim.bo[report].filetype = 'markdown'
      end)
    end, { desc = 'claimlint: list the claims the note does not cover' })
  end,
}
