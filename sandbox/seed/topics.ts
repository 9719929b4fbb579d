/**
 * What a web shop's members ask its help desk, with the ways they phrase it, how well the bot
 * knows the answer (`hard`: its sources rarely cover it), and its usual answer.
 */
export interface Topic {
  weight: number;
  hard: boolean;
  questions: readonly string[];
  answer: string;
  sources: readonly string[];
}

const site = (path: string) => `https://shop.example.com${path}`;

export const TOPICS: readonly Topic[] = [
  {
    weight: 14,
    hard: false,
    questions: ['Where is my order?', 'where is my order', 'Where is my parcel?', 'My order has not arrived yet', 'Can you track my order?'],
    answer: 'You can follow your parcel under **My orders**: each order has a tracking link once it ships (usually within 1 working day).',
    sources: [site('/help/tracking'), site('/account/orders')],
  },
  {
    weight: 10,
    hard: false,
    questions: ['How do I change my delivery address?', 'Can I change the delivery address?', 'change delivery address', 'I moved, how do I update my address?'],
    answer: 'Until your order ships you can change the address under **My orders → Edit delivery**. After that, the carrier can redirect it.',
    sources: [site('/help/delivery-address')],
  },
  {
    weight: 9,
    hard: false,
    questions: ['Can I return an item?', 'How do returns work?', 'How do I send something back?', 'return policy?'],
    answer: 'Yes: within 30 days, unused and in its packaging. Start a return under **My orders** and print the free label.',
    sources: [site('/help/returns'), site('/legal/returns-policy')],
  },
  {
    weight: 8,
    hard: false,
    questions: ['What are your opening hours?', 'When is the shop open?', 'opening hours', 'Are you open on Sunday?'],
    answer: 'Our shop in town is open Monday to Saturday, 9:00–18:00. The online shop never closes.',
    sources: [site('/contact')],
  },
  {
    weight: 7,
    hard: false,
    questions: ['How long does shipping take?', 'When will my order arrive?', 'delivery time to Germany?'],
    answer: 'Within the country 1–3 working days; to the rest of the EU 3–6 working days.',
    sources: [site('/help/shipping')],
  },
  {
    weight: 4,
    hard: true,
    questions: ['Do you ship to Iceland?', 'Can you deliver to Norway?', 'Do you ship outside the EU?', 'shipping to Switzerland?'],
    answer: 'We ship to every EU country; for other countries please ask our team.',
    sources: [site('/help/shipping')],
  },
  {
    weight: 3,
    hard: true,
    questions: ['Is there a student discount?', 'Do you have a discount for students?', 'student discount?'],
    answer: "I'm sorry, I couldn't find anything about student discounts.",
    sources: [],
  },
  {
    weight: 5,
    hard: false,
    questions: ['How do I reset my password?', 'I forgot my password', 'reset password', "Can't log in to my account"],
    answer: 'Use **Forgot password?** on the sign-in page; the link in the email works for one hour.',
    sources: [site('/help/account')],
  },
  {
    weight: 2,
    hard: true,
    questions: ['Do you price match?', 'Will you match a cheaper price?', 'price match policy'],
    answer: "I'm not sure we offer that. Our team can tell you more.",
    sources: [],
  },
  {
    weight: 4,
    hard: false,
    questions: ['Do you have gift cards?', 'Can I buy a gift card?', 'gift cards?'],
    answer: 'Yes: digital gift cards from 10 € to 200 €, sent by email, valid for three years.',
    sources: [site('/gift-cards')],
  },
  {
    weight: 3,
    hard: true,
    questions: ['My discount code does not work', 'The voucher code is invalid', 'coupon not accepted at checkout'],
    answer: 'Codes only work on full-price items and expire on the date shown. If yours should work, our team can check it.',
    sources: [site('/help/vouchers')],
  },
  {
    weight: 2,
    hard: true,
    questions: ['I was charged twice', 'Why was my card charged two times?', 'double payment on my order'],
    answer: "I can't see your payments. A pending second charge usually disappears within 5 days.",
    sources: [],
  },
  {
    weight: 3,
    hard: false,
    questions: ['Which payment methods do you accept?', 'Can I pay with PayPal?', 'Do you take Klarna?'],
    answer: 'Cards, PayPal, Apple Pay, Google Pay and invoice (Klarna).',
    sources: [site('/help/payment')],
  },
];

export const HUMAN_REQUESTS = ['Can I talk to a person?', 'I want to speak to someone', 'human please'];
export const AGENT_REPLIES = [
  'Hi, this is Sam from the team. I have looked into it and sent you an email with the details.',
  'Hello! Mia here. Thanks for waiting, I have sorted this out for you.',
  'Hi, Jonas from customer care. Could you send us your order number? Then we can check right away.',
];
export const FALLBACK_REPLY = "Our assistant can't answer right now. You can reach our team here: /contact";
