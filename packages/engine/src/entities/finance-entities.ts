import { asciiSlug } from '../generators/locale-data';
import { pickPlace } from '../generators/places';
import type { Rng } from '../random/rng';
import {
  dayOffset,
  digitString,
  type EntityDef,
  type EntityEnv,
  lang,
  money,
  prefixedId,
} from './entity-def';

/** Luhn check digit for a numeric body. */
export function luhnCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

const CARD_TYPES: readonly { type: string; prefixes: string[]; length: number; cvv: number }[] = [
  { type: 'VISA', prefixes: ['4'], length: 16, cvv: 3 },
  { type: 'MASTERCARD', prefixes: ['51', '52', '53', '54', '55'], length: 16, cvv: 3 },
  { type: 'AMEX', prefixes: ['34', '37'], length: 15, cvv: 4 },
  { type: 'DISCOVER', prefixes: ['6011', '65'], length: 16, cvv: 3 },
];

function cardNumber(rng: Rng, prefix: string, length: number): string {
  const body = prefix + digitString(rng, length - prefix.length - 1);
  return body + String(luhnCheckDigit(body));
}

/** German IBAN (DE + 2 check digits + 8-digit BLZ + 10-digit account) with a valid ISO 7064 check. */
export function germanIban(blz: string, account: string): string {
  const bban = blz + account;
  const numeric = `${bban}131400`; // D=13, E=14, then "00"
  let rem = 0;
  for (const ch of numeric) rem = (rem * 10 + Number(ch)) % 97;
  return `DE${String(98 - rem).padStart(2, '0')}${bban}`;
}

/** US ABA routing number with a valid checksum (3-7-1 weights). */
export function abaRouting(rng: Rng): string {
  const d = `${rng.pick(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'])}${digitString(rng, 6)}`;
  const w = [3, 7, 1, 3, 7, 1, 3, 7];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(d[i]) * (w[i] as number);
  return d + String((10 - (sum % 10)) % 10);
}

const BANKS_DE: readonly (readonly [string, string])[] = [
  ['Deutsche Bank', 'DEUTDEFF'],
  ['Commerzbank', 'COBADEFF'],
  ['Sparkasse', 'SPKHDE2H'],
  ['Volksbank', 'GENODEF1'],
  ['DKB Deutsche Kreditbank', 'BYLADEM1'],
  ['ING-DiBa', 'INGDDEFF'],
  ['HypoVereinsbank', 'HYVEDEMM'],
  ['Postbank', 'PBNKDEFF'],
] as const;
const BANKS_US: readonly (readonly [string, string])[] = [
  ['JPMorgan Chase Bank', 'CHASUS33'],
  ['Bank of America', 'BOFAUS3N'],
  ['Wells Fargo Bank', 'WFBIUS6S'],
  ['Citibank', 'CITIUS33'],
  ['U.S. Bank', 'USBKUS44'],
  ['PNC Bank', 'PNCCUS33'],
  ['Truist Bank', 'BRBTUS33'],
  ['Capital One', 'HIBKUS44'],
] as const;

function bank(env: EntityEnv) {
  const [name, bic] = env.rng.pick(lang(env, BANKS_DE, BANKS_US));
  const place = pickPlace(env.rng, env.german);
  const bankCode = env.german ? `${env.rng.int(100, 899)}${digitString(env.rng, 5)}` : abaRouting(env.rng);
  return { name, bic, place, bankCode };
}

export const creditCard: EntityDef = {
  name: 'CreditCard',
  params: [],
  fields: [
    'card_number',
    'card_type',
    'card_holder',
    'expiration_date',
    'cvv',
    'issue_date',
    'credit_limit',
    'currency',
    'is_active',
  ],
  create(_a, env) {
    return () => {
      const { rng, faker } = env;
      const t = rng.pick(CARD_TYPES);
      const issue = dayOffset(env.now, -rng.int(30, 3 * 365));
      const exp = new Date(Date.UTC(issue.getUTCFullYear() + rng.int(3, 5), issue.getUTCMonth() + 1, 0));
      return {
        card_number: cardNumber(rng, rng.pick(t.prefixes), t.length),
        card_type: t.type,
        card_holder: `${faker.person.firstName()} ${faker.person.lastName()}`.toUpperCase(),
        expiration_date: exp,
        cvv: digitString(rng, t.cvv),
        issue_date: issue,
        credit_limit: rng.int(10, 200) * 100,
        currency: env.german ? 'EUR' : 'USD',
        is_active: exp.getTime() > env.now.getTime() && rng.bool(0.95),
      };
    };
  },
};

export const bankEntity: EntityDef = {
  name: 'Bank',
  params: [],
  fields: [
    'name',
    'swift_code',
    'bic',
    'bank_code',
    'routing_number',
    'city',
    'country_code',
    'customer_service_phone',
  ],
  create(_a, env) {
    return () => {
      const b = bank(env);
      const bic = `${b.bic}${env.rng.bool(0.5) ? 'XXX' : ''}`;
      return {
        name: b.name,
        swift_code: bic,
        bic,
        bank_code: b.bankCode,
        routing_number: env.german ? null : b.bankCode,
        city: b.place.city,
        country_code: env.german ? 'DE' : 'US',
        customer_service_phone: env.german
          ? `0800 ${digitString(env.rng, 7)}`
          : `1-800-${digitString(env.rng, 3)}-${digitString(env.rng, 4)}`,
      };
    };
  },
};

export const bankAccount: EntityDef = {
  name: 'BankAccount',
  params: [],
  fields: [
    'account_number',
    'iban',
    'account_type',
    'bank_name',
    'bank_code',
    'bic',
    'balance',
    'currency',
    'account_holder',
    'created_date',
  ],
  create(_a, env) {
    return () => {
      const { rng, faker } = env;
      const b = bank(env);
      const acct = digitString(rng, 10);
      return {
        account_number: acct,
        iban: env.german ? germanIban(b.bankCode, acct) : null,
        account_type: rng.pick(
          lang(
            env,
            ['Girokonto', 'Sparkonto', 'Tagesgeldkonto', 'Festgeldkonto'],
            ['CHECKING', 'SAVINGS', 'MONEY_MARKET', 'CERTIFICATE'],
          ),
        ),
        bank_name: b.name,
        bank_code: b.bankCode,
        bic: b.bic,
        balance: money(rng.float(-500, 50_000)),
        currency: env.german ? 'EUR' : 'USD',
        account_holder: `${faker.person.firstName()} ${faker.person.lastName()}`,
        created_date: dayOffset(env.now, -rng.int(1, 20 * 365)),
      };
    };
  },
};

const TX_TYPES = ['PURCHASE', 'WITHDRAWAL', 'DEPOSIT', 'TRANSFER', 'PAYMENT', 'REFUND', 'FEE'];
const MERCHANT_CATEGORIES = [
  'Groceries',
  'Restaurants',
  'Travel',
  'Fuel',
  'Electronics',
  'Clothing',
  'Utilities',
  'Healthcare',
  'Entertainment',
];

export const transaction: EntityDef = {
  name: 'Transaction',
  params: ['min_amount', 'max_amount'],
  fields: [
    'transaction_id',
    'account_id',
    'transaction_date',
    'amount',
    'currency',
    'transaction_type',
    'status',
    'description',
    'merchant_name',
    'merchant_category',
    'reference_number',
  ],
  create(a, env) {
    const min = a.num('min_amount', 1);
    const max = a.num('max_amount', 5000);
    if (min > max)
      throw a.fail(`argument "min_amount" (${min}) must not be greater than "max_amount" (${max})`);
    return () => {
      const { rng, faker } = env;
      const type = rng.pick(TX_TYPES);
      const merchant = faker.company.name();
      const category = rng.pick(MERCHANT_CATEGORIES);
      const when = new Date(env.now.getTime() - rng.int(0, 365 * 86_400) * 1000);
      return {
        transaction_id: prefixedId(rng, 'TXN', 12),
        account_id: prefixedId(rng, 'ACC', 10),
        transaction_date: when,
        amount: money(rng.float(min, max)),
        currency: env.german ? 'EUR' : 'USD',
        transaction_type: type,
        status: rng.pick(['COMPLETED', 'COMPLETED', 'COMPLETED', 'PENDING', 'FAILED']),
        description: `${type} ${merchant}`,
        merchant_name: merchant,
        merchant_category: category,
        reference_number: `REF${digitString(rng, 10)}`,
      };
    };
  },
};

export const productEntity: EntityDef = {
  name: 'Product',
  params: ['min_price', 'max_price'],
  fields: [
    'product_id',
    'name',
    'description',
    'price',
    'currency',
    'category',
    'brand',
    'sku',
    'ean',
    'condition',
    'availability',
    'weight',
    'color',
    'rating',
  ],
  create(a, env) {
    const min = a.num('min_price', 1);
    const max = a.num('max_price', 1000);
    if (min > max)
      throw a.fail(`argument "min_price" (${min}) must not be greater than "max_price" (${max})`);
    return () => {
      const { rng, faker } = env;
      const brand = faker.company.name().split(/[\s,]/)[0] as string;
      const ean = `${rng.int(1, 9)}${digitString(rng, 11)}`;
      return {
        product_id: prefixedId(rng, 'PROD', 8),
        name: faker.commerce.productName(),
        description: faker.commerce.productDescription(),
        price: money(rng.float(min, max)),
        currency: env.german ? 'EUR' : 'USD',
        category: faker.commerce.department(),
        brand,
        sku: `${asciiSlug(brand).slice(0, 3).toUpperCase() || 'SKU'}-${digitString(rng, 6)}`,
        ean: ean + String(eanCheck(ean)),
        condition: rng.pick(['NEW', 'NEW', 'NEW', 'USED', 'REFURBISHED']),
        availability: rng.pick(['IN_STOCK', 'IN_STOCK', 'OUT_OF_STOCK', 'BACKORDER', 'PRE_ORDER']),
        weight: money(rng.float(0.05, 25)),
        color: faker.color.human(),
        rating: Math.round(rng.float(1, 5) * 10) / 10,
      };
    };
  },
};

function eanCheck(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export const order: EntityDef = {
  name: 'Order',
  params: ['min_products', 'max_products'],
  fields: [
    'order_id',
    'user_id',
    'product_list',
    'total_amount',
    'date',
    'status',
    'payment_method',
    'shipping_method',
    'shipping_address',
    'currency',
    'tax_amount',
    'shipping_amount',
    'discount_amount',
    'coupon_code',
    'notes',
  ],
  create(a, env) {
    const minP = a.int('min_products', 1);
    const maxP = a.int('max_products', 5);
    if (minP < 1 || minP > maxP)
      throw a.fail('arguments "min_products"/"max_products" must satisfy 1 <= min_products <= max_products');
    return () => {
      const { rng, faker, german } = env;
      const items = Array.from({ length: rng.int(minP, maxP) }, () => {
        const quantity = rng.int(1, 4);
        const price = money(rng.float(2, 300));
        return {
          product_id: prefixedId(rng, 'PROD', 8),
          name: faker.commerce.productName(),
          quantity,
          price,
        };
      });
      const subtotal = money(items.reduce((s, i) => s + i.quantity * i.price, 0));
      const shipping = subtotal >= 50 ? 0 : money(rng.pick([4.99, 5.99, 9.99]));
      const hasCoupon = rng.bool(0.2);
      const discount = hasCoupon ? money(subtotal * rng.pick([0.05, 0.1, 0.15])) : 0;
      const tax = money((subtotal - discount) * (german ? 0.19 : 0.08));
      const place = pickPlace(rng, german);
      return {
        order_id: prefixedId(rng, 'ORD', 10),
        user_id: prefixedId(rng, 'USER', 8),
        product_list: items,
        total_amount: money(subtotal - discount + tax + shipping),
        date: new Date(env.now.getTime() - rng.int(0, 180 * 86_400) * 1000),
        status: rng.pick([
          'PENDING',
          'PROCESSING',
          'SHIPPED',
          'DELIVERED',
          'DELIVERED',
          'CANCELLED',
          'RETURNED',
        ]),
        payment_method: rng.pick(
          german
            ? ['PAYPAL', 'CREDIT_CARD', 'SEPA_DEBIT', 'INVOICE', 'KLARNA']
            : ['CREDIT_CARD', 'DEBIT_CARD', 'PAYPAL', 'APPLE_PAY', 'GIFT_CARD'],
        ),
        shipping_method: rng.pick(['STANDARD', 'EXPRESS', 'NEXT_DAY', 'PICKUP']),
        shipping_address: german
          ? `${faker.location.street()} ${rng.int(1, 150)}, ${String(rng.int(place.zipFrom, place.zipTo)).padStart(5, '0')} ${place.city}`
          : `${rng.int(1, 9999)} ${faker.location.street()}, ${place.city}, ${place.stateAbbr} ${String(rng.int(place.zipFrom, place.zipTo)).padStart(5, '0')}`,
        currency: german ? 'EUR' : 'USD',
        tax_amount: tax,
        shipping_amount: shipping,
        discount_amount: discount,
        coupon_code: hasCoupon ? `SAVE${rng.pick(['5', '10', '15'])}-${digitString(rng, 4)}` : null,
        notes: rng.bool(0.15) ? (german ? 'Bitte beim Nachbarn abgeben.' : 'Leave at the front door.') : null,
      };
    };
  },
};
