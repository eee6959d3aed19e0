/**
 * Brightwatt Energy: a fictional UK electricity and gas supplier (English). Covers dunning after unanswered
 * e-mails, smart-meter defects, being passed from phone to web form to chat, auto-replies, praise, questions
 * and news.
 */
import type { DemoThread } from './types.ts';

export const BRIGHTWATT_THREADS: DemoThread[] = [
  {
    brand: 'brightwatt',
    start: '2026-11-16T08:30',
    channel: 'post',
    posts: [
      { who: 'sarah_in_leeds', text: '@brightwatt_care I emailed three times about a wrong meter reading. No reply. Today I got a final notice and a threat of debt collection. Seriously?', likes: 18, shares: 4 },
      { who: 'brand', after: 40, text: "@sarah_in_leeds Hi Sarah, sorry about this. Could you DM us your account number and the meter reading so we can look into it?" },
      { who: 'sarah_in_leeds', after: 20, text: '@brightwatt_care Sent.' },
      { who: 'brand', after: 90, text: "@sarah_in_leeds Thanks, Sarah. We've corrected the reading, cancelled the final notice and put a hold on collections. Your new bill will arrive by Friday. ^Priya" },
    ],
  },
  {
    brand: 'brightwatt',
    start: '2026-11-17T13:10',
    channel: 'post',
    posts: [
      { who: 'dave_r', text: 'How do I submit a meter reading online with @brightwatt_care? The app only shows my tariff.' },
      { who: 'brand', after: 25, text: "@dave_r Hi Dave! Tap 'Account' then 'Meter readings' in the app, or go to brightwatt.example/readings. ^Tom" },
    ],
  },
  {
    brand: 'brightwatt',
    start: '2026-11-18T09:45',
    channel: 'post',
    posts: [
      { who: 'gemma_g', text: "@brightwatt_care Smart meter stopped sending readings two months ago. Called, was told to use the web form. Web form said to use live chat. Live chat closed. I'm going in circles." },
      { who: 'brand', after: 60, text: '@gemma_g Sorry to hear that. Please call our smart meter team on 0800 555 0144, Monday to Friday 8am to 6pm.' },
      { who: 'gemma_g', after: 30, text: "@brightwatt_care That's where I started. Thanks for nothing." },
    ],
  },
  {
    brand: 'brightwatt',
    start: '2026-11-19T17:00',
    channel: 'news',
    title: 'Brightwatt Energy to cut standard variable tariff by 4% from January',
    posts: [{ who: 'energy_news_uk', text: 'Brightwatt Energy will cut its standard variable tariff by 4% from January, the supplier said on Thursday, following the lower price cap.' }],
  },
  {
    brand: 'brightwatt',
    start: '2026-11-20T10:30',
    channel: 'post',
    posts: [
      { who: 'retired_rob', text: 'Have to say the engineer from @brightwatt_care was brilliant today. Boiler sorted in an hour, very polite. Thank you!', likes: 7 },
      { who: 'brand', after: 80, text: "@retired_rob That's great to hear, Rob. We'll pass your thanks to Mark! ^Priya" },
    ],
  },
  {
    brand: 'brightwatt',
    start: '2026-11-21T19:20',
    channel: 'post',
    posts: [
      { who: 'nadia_k', text: '@brightwatt_care Been on hold for 55 minutes to report a gas smell outside my flat. This is dangerous, why is nobody answering?' },
      { who: 'brand', after: 6, text: '@nadia_k If you smell gas, please call the National Gas Emergency line on 0800 111 999 right away. It is free and open 24/7. Leave the area if the smell is strong.' },
    ],
  },
  {
    brand: 'brightwatt',
    start: '2026-11-22T11:40',
    channel: 'post',
    posts: [
      { who: 'mike_t', text: "@brightwatt_care Still waiting for my £214 refund since I switched away in September. Two emails, no answer. I'll be taking this to the Ombudsman." },
      { who: 'brand', after: 30, text: "@mike_t Thanks for getting in touch. We're experiencing high volumes of messages at the moment and will respond as soon as possible." },
    ],
  },
  {
    brand: 'brightwatt',
    start: '2026-11-23T15:15',
    channel: 'post',
    posts: [{ who: 'curious_cat', text: 'Does Brightwatt offer a green tariff with 100% renewable electricity?' }],
  },
  {
    brand: 'brightwatt',
    start: '2026-11-24T20:05',
    channel: 'post',
    posts: [{ who: 'oliver_o', text: "Brightwatt doubled my direct debit without any explanation. Worst customer service ever, I'm switching to another supplier." }],
  },
  {
    brand: 'brightwatt',
    start: '2026-11-25T09:25',
    channel: 'post',
    posts: [
      { who: 'fatima_f', text: '@brightwatt_care My online account shows a balance of £0 but I paid £120 last week. Is that a display error?' },
      { who: 'brand', after: 35, text: "@fatima_f Good question! Payments can take up to 3 working days to show online. If it's not there by Friday, let us know. ^Tom" },
    ],
  },
  {
    brand: 'brightwatt',
    start: '2026-11-26T14:00',
    channel: 'post',
    posts: [{ who: 'ben_b', text: 'Not bad at all, @brightwatt_care sorted my tariff change in one call. Thanks!' }],
  },
  {
    brand: 'brightwatt',
    start: '2026-11-27T18:30',
    channel: 'post',
    posts: [{ who: 'janet_j', text: "@brightwatt_care Four days without hot water because the smart meter cut off the gas. Engineer visit cancelled twice. I'm 78. This is a disgrace." }],
  },
  {
    brand: 'brightwatt',
    start: '2026-11-29T09:50',
    channel: 'post',
    posts: [{ who: 'dave_r', text: "@brightwatt_care the app won't let me log in since this morning, keeps saying 'error 503'." }],
  },
];
