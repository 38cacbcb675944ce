-- claimlint language server for Neovim 0.10 (vim.lsp.start). On 0.11+ use
-- lsp/claimlint.lua instead.
--
-- Usage: paste into your init.lua, or save as ~/.config/nvim/plugin/claimlint.lua.
-- Set the article below only to override the project's: without it the server
-- takes `article` from the project's .claimlint.toml, then $CLAIMLINT_ARTICLE,
-- then the article's text if it lies in the project; put
-- `claimlint` on PATH or give its full path in `cmd`.

local settings = {
  -- article = '~/articles/week-of-talks.txt',
  -- claims = '/path/to/claims.toml',      -- default: the bundled claim base
  -- severity = { unsupported = 'hint' },
  -- disable = { 'unsupported' },
}

local function server_settings(root)
  local out = {}
  for _, key in ipairs({ 'article', 'claims' }) do
    local p = settings[key]
    if type(p) == 'string' and p ~= '' then
      p = vim.fs.normalize(p)
      if p:sub(1, 1) ~= '/' and not p:match('^%a:[/\\]') then
        p = vim.fs.joinpath(root or vim.fn.getcwd(), p)
      end
      out[key] = vim.fs.normalize(p)
    end
  end
  if settings.severity and next(settings.severity) then
    out.severity = settings.severity
  end
  if settings.disable and #settings.disable > 0 then
    out.disable = settings.disable
  end
  if type(settings.plaintext) == 'boolean' then
    out.plaintext = settings.plaintext -- also check plain-text buffers (add 'text' to the pattern below)
  end
  return next(out) and out or vim.empty_dict()
end

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'markdown',
  group = vim.api.nvim_create_augroup('claimlint', { clear = true }),
  callback = function(args)
    local root = vim.fs.root(args.buf, { '.claimlint.toml', '.git' })
    local s = server_settings(root)
    vim.lsp.start({
      name = 'claimlint',
      cmd = { 'claimlint', 'lsp' },
      root_dir = root,
      init_options = s,
      settings = { claimlint = s },
    }, { bufnr = args.buf })
  end,
})
