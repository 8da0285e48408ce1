import fs from 'node:fs';
import { registry } from '../../contracts';

/** One shipping option as the orderValidation contract describes it. */
export interface ShippingOption {
  id: string;
  name: string;
  price: number;
  listPrice: number;
  tax: number;
  deliveryChannel: string;
  shippingEstimate: string;
  productLockedTime: null;
}

interface Rate {
  base: number;
  perKg: number;
  days: number;
  /** A promotional discount on the list price, as a fraction (0.2 = 20 % off). */
  discount?: number;
}

/** fixtures/freight.json: services, states grouped in regions, and a rate per region and service. */
export interface FreightTable {
  defaultWeightGrams: number;
  taxRate: number;
  services: { id: string; name: string; deliveryChannel: string }[];
  states: Record<string, string>;
  defaultRegion: string;
  rates: Record<string, Record<string, Rate>>;
}

/** Reads and sanity-checks a freight table; throws with the key that is wrong. */
export function loadFreightTable(file: string): FreightTable {
  const table = JSON.parse(fs.readFileSync(file, 'utf8')) as FreightTable;
  if (!Array.isArray(table.services) || table.services.length === 0)
    throw new Error(`${file}: services must be a non-empty array`);
  if (!table.rates || !table.rates[table.defaultRegion])
    throw new Error(`${file}: rates.${table.defaultRegion} (the defaultRegion) is missing`);
  for (const [region, rates] of Object.entries(table.rates)) {
    for (const service of table.services) {
      if (!rates[service.id]) throw new Error(`${file}: rates.${region}.${service.id} is missing`);
    }
  }
  return table;
}

/**
 * Prices every service for a parcel: base + perKg for each started kilogram, by the destination
 * state's region (unknown or missing state: the default region). This is the "additional prices" lookup.
 * Every amount stays a finite number within the contract's money bounds (docs/contracts.md, bounds):
 * a parcel whose price would pass the maximum is quoted at the maximum.
 */
export function quoteFreight(
  table: FreightTable,
  state: string | undefined,
  weightGrams: number,
): readonly ShippingOption[] {
  const region = (state && table.states[state.trim().toUpperCase()]) || table.defaultRegion;
  // A weight of 1e309 parses as Infinity under --lenient, and 0 per kg times Infinity kilos is NaN.
  const kilos = Math.max(1, Math.ceil(Math.min(Math.max(0, weightGrams), Number.MAX_VALUE) / 1000));
  // Every cart line is quoted, and carts repeat regions and kilograms: each quote is worked out once.
  let quotes = quotesByTable.get(table);
  if (quotes === undefined) quotesByTable.set(table, (quotes = new Map()));
  const key = `${region}\n${kilos}`;
  let options = quotes.get(key);
  if (options === undefined) {
    if (quotes.size >= REMEMBERED_QUOTES) quotes.clear();
    options = Object.freeze(priceServices(table, region, kilos).map((option) => Object.freeze(option)));
    quotes.set(key, options);
  }
  return options;
}

/** Quotes remembered per freight table (region and started kilogram); past it they are forgotten all at once. */
const REMEMBERED_QUOTES = 4096;

/**
 * The quotes already worked out, frozen: every cart line quoted the same shares one array, so a
 * reader that tried to change it would throw instead of changing another cart's answer.
 */
const quotesByTable = new WeakMap<FreightTable, Map<string, readonly ShippingOption[]>>();

/** Where a quote keeps its JSON once written: a quote is shared by every line priced the same. */
const jsonOfQuote = new WeakMap<readonly ShippingOption[], string>();

/** A quote (from quoteFreight) as JSON, written once per quote; exactly what JSON.stringify writes for it. */
export function shippingOptionsJson(options: readonly ShippingOption[]): string {
  let json = jsonOfQuote.get(options);
  if (json === undefined) {
    json = JSON.stringify(options);
    // Only a frozen quote is known never to change under its JSON.
    if (Object.isFrozen(options)) jsonOfQuote.set(options, json);
  }
  return json;
}

function priceServices(table: FreightTable, region: string, kilos: number): ShippingOption[] {
  const rates = table.rates[region] ?? table.rates[table.defaultRegion];
  return table.services.map((service) => {
    const rate = rates[service.id];
    const listPrice = money(rate.base + rate.perKg * (kilos - 1));
    const price = money(listPrice * (1 - (rate.discount ?? 0)));
    return {
      id: service.id,
      name: service.name,
      price,
      listPrice,
      tax: money(price * table.taxRate),
      deliveryChannel: service.deliveryChannel,
      shippingEstimate: `${rate.days}bd`,
      productLockedTime: null,
    };
  });
}

let moneyMaximum: number | undefined;

/**
 * An amount rounded to cents, at most the contract's Money maximum: without the cap a cart of a billion
 * one-tonne units, valid under the contract, is priced past it, and past 1e308 JSON writes `null`.
 */
function money(value: number): number {
  moneyMaximum ??= (registry().schemas.get('definitions.schema.json') as { $defs: { Money: { maximum: number } } })
    .$defs.Money.maximum;
  return Math.min(Math.round(value * 100) / 100, moneyMaximum);
}
