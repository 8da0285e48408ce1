import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { problemBody, type ProblemBody } from '../errors/problems';

/** The problem for a request Node's HTTP parser refused before express could see it. */
function clientErrorProblem(code: string | undefined): ProblemBody {
  if (code === 'HPE_HEADER_OVERFLOW')
    return problemBody(
      'headers-too-large',
      "the request headers are over Node's 16 KB limit; send fewer or shorter headers",
    );
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return problemBody('request-timeout', 'the request headers did not arrive in time; send the request whole');
  return problemBody(
    'bad-request',
    `the request could not be parsed as HTTP/1.1 (${code ?? 'unknown parse error'}); check the request line and headers`,
  );
}

/**
 * Answers requests Node's parser refuses (oversized headers, garbage on the wire) with problem+json
 * instead of Node's bare status line, then closes the socket; a socket already gone is just destroyed.
 * `merchant-kit serve` does this; call it on your own server when you embed the mock.
 *
 * @example
 * const http = require('node:http');
 * const { createMockApp, createMockListener, answerClientErrors } = require('omnichat-merchant-kit/mock');
 * const app = createMockApp();
 * const server = http.createServer(createMockListener(app));
 * answerClientErrors(server); // headers over 16 KB now get 431 with a problem+json body, not a bare status line
 * server.close();
 * await app.mock.close();
 */
export function answerClientErrors(server: http.Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // As Node's own handler: a response already under way on this socket cannot be followed by another.
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent === true) {
      socket.destroy();
      return;
    }
    const problem = clientErrorProblem(error.code);
    const body = JSON.stringify(problem);
    socket.end(
      `HTTP/1.1 ${problem.status} ${problem.title}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
