import { toCurl } from '../../src/conformance/http/curl';
import { maskUrl } from '../../src/common/secrets';

describe('curl lines and URLs in reports', () => {
  it.each([
    ['https://shop.example.com/p?token=abc123&query=x', 'https://shop.example.com/p?token=***&query=x'],
    ['https://shop.example.com/p?api_key=abc&sig=def', 'https://shop.example.com/p?api_key=***&sig=***'],
    ['https://user:pa55@shop.example.com/p', 'https://***:***@shop.example.com/p'],
    ['https://shop.example.com/p?query=camiseta', 'https://shop.example.com/p?query=camiseta'],
  ])('masks token-like parts of %s', (url, masked) => {
    expect(maskUrl(url)).toBe(masked);
  });

  it('repeats a request with its body, masking header values and quoting for the shell', () => {
    const line = toCurl({
      method: 'POST',
      url: 'https://shop.example.com/o?token=t0k',
      headers: [
        { key: 'Authorization', value: 'Bearer t0k3n' },
        { key: 'X-Api-Key', value: 'k3y' },
      ],
      body: `{"name":"D'Ávila"}`,
    });
    expect(line).toBe(
      `curl -sS -X POST 'https://shop.example.com/o?token=***' -H 'Content-Type: application/json' -H 'Authorization: Bearer ***' -H 'X-Api-Key: ***' --data-binary '{"name":"D'\\''Ávila"}'`,
    );
  });

  it("repeats an https request with the run's extra CAs (--cacert) and --insecure (-k)", () => {
    const network = {
      ca: [{ file: '/etc/loja/internal ca.pem', pem: '' }],
      insecure: true,
      proxy: { noProxy: '' },
    };
    expect(toCurl({ method: 'GET', url: 'https://shop.example.com/p', headers: [], network })).toBe(
      "curl -sS -X GET 'https://shop.example.com/p' --cacert '/etc/loja/internal ca.pem' -k",
    );
    expect(toCurl({ method: 'GET', url: 'http://shop.example.com/p', headers: [], network })).toBe(
      "curl -sS -X GET 'http://shop.example.com/p'",
    );
  });
});
