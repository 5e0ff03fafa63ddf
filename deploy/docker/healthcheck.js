#!/usr/bin/env node
// Container health check (Dockerfile HEALTHCHECK, compose): exit 0 when Triton answers
// /v2/health/ready with 200, else 1. Node is in the image already, so no curl is needed.
const http = require('http');
const port = Number(process.env.TRITON_HTTP_PORT || 8000);
const req = http.get({ host: '127.0.0.1', port, path: '/v2/health/ready', timeout: 4000 }, (res) => {
  res.resume();
  process.exit(res.statusCode === 200 ? 0 : 1);
});
req.on('timeout', () => req.destroy(new Error('timeout')));
req.on('error', () => process.exit(1));
