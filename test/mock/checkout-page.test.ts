import request from 'supertest';
import { CREATE, order, smallApp } from './helpers';

// The own-checkout page shows the order's id, which the client chose: it is escaped by the kit's one
// HTML escaper (src/common/markup.ts), as the runner's HTML report is.
describe('the checkout page', () => {
  it('shows an order id holding markup as text: <, >, &, " and \' escaped', async () => {
    const app = smallApp();
    try {
      const id = `<img src=x onerror=alert(1)>&"'`;
      await request(app).post(CREATE).send(order(id, [])).expect(200);
      const page = await request(app)
        .get(`/__checkout/${encodeURIComponent(id)}`)
        .expect(200);
      expect(page.text).toContain('<h1>Pedido &lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;</h1>');
      expect(page.text).not.toContain('<img');
    } finally {
      await app.mock.close();
    }
  });
});
