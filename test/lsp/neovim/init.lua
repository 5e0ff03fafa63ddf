-- Drives dist/server.js from neovim's built-in LSP client (a second real client): open a
-- Python file, wait for diagnostics, then hover, code actions and portalis/translate.
-- Results go to $PORTALIS_OUT as JSON; the mocha test asserts on them.
local out = os.getenv('PORTALIS_OUT')
local file = os.getenv('PORTALIS_FILE')
local result = { diagnostics = nil }

local function finish()
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  local id = vim.lsp.start_client({
    name = 'portalis',
    cmd = { 'node', os.getenv('PORTALIS_SERVER'), '--stdio' },
    root_dir = os.getenv('PORTALIS_ROOT'),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, res, ctx, cfg)
        if res.uri == vim.uri_from_fname(file) then result.diagnostics = res.diagnostics end
        vim.lsp.diagnostic.on_publish_diagnostics(e, res, ctx, cfg)
      end,
    },
  })
  vim.cmd('edit ' .. file)
  vim.bo.filetype = 'python'
  vim.lsp.buf_attach_client(0, id)
  -- A bound, not a timing assertion: without diagnostics the test fails on their absence.
  vim.wait(60000, function() return result.diagnostics ~= nil end, 20)
  local uri = vim.uri_from_bufnr(0)
  local function request(method, params)
    local responses = vim.lsp.buf_request_sync(0, method, params, 60000) or {}
    for _, r in pairs(responses) do
      if r.err then return { error = r.err.message } end
      return r.result
    end
  end
  result.hover = request('textDocument/hover', { textDocument = { uri = uri }, position = { line = 0, character = 5 } })
  result.codeActions = request('textDocument/codeAction', {
    textDocument = { uri = uri },
    range = { start = { line = 0, character = 0 }, ['end'] = { line = 2, character = 0 } },
    context = { diagnostics = result.diagnostics or {} },
  })
  result.translate = request('portalis/translate', { uri = uri, range = { start = { line = 0, character = 0 }, ['end'] = { line = 2, character = 0 } } })
  vim.lsp.stop_client(id)
end)
if not ok then result.error = tostring(err) end
finish()
