import { Scalar, stringify, parseDocument } from 'yaml';
const s = new Scalar('0b101'); s.type = Scalar.QUOTE_DOUBLE;
const shared = { a: 1 };
console.log(stringify({ summary: s, plain: '2020-06-18T10:00:00.', x: [shared, shared], n: 5 }, { lineWidth: 0, aliasDuplicateObjects: false }));
const doc = parseDocument('a: 1\n'); doc.set('b', s); console.log(doc.toString());
