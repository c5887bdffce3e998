/**
 * A new scenario starts from this: a short, complete conversation (it passes
 * the checker with no warnings) that shows each part of the format, for the
 * manager to rewrite. The authoring guide (scenarios/README.md) explains it all.
 */
export const SCENARIO_TEMPLATE = `---
title: A new scenario
customer: Alex Morgan
summary: One sentence on what went wrong for the customer and what they want now.
difficulty: 1
minutes: 4
tags: [ownership, phone]
mood: 35
policy: Refunds are possible within 30 days with a receipt.
---

Who the trainee is, the channel (phone, chat, email, in person), and what they can see and do.

## Start

What the trainee sees or hears first.

> **Alex:** "What the customer says first."

- [A reply that owns the problem and says what happens next.](#sorted) empathy +2, ownership +2, mood +20
  > Why this reply helps: one or two sentences of coaching.
- [A reply that passes the customer on.](#lost) empathy -1, ownership -2, mood -20
  > Why this reply hurts.
- [Write your own reply](#sorted) free
  > What a good typed reply does.
  - Look for "I'll", "today": ownership +1
  - Model answer: A strong reply, as a trainee might type it.

## Sorted

> **Alex:** "Thank you, that's all I wanted."

Outcome: resolved

## Lost

Alex hangs up and takes their business elsewhere.

Outcome: lost
`;
