// Writes an invented city's HR export for the import benchmark: 10 förvaltningar, 20 avdelningar
// in each, 19 enheter in each avdelning (4,010 nodes in all) and 50,000 people with their roles
// (a chef, a deputy and a safety representative in every unit, chefs of every avdelning and
// förvaltning, HR at each förvaltning, the rest employees). Plain Node, no dependencies.
//
//   node scripts/city-export.mjs <dir> [--changed]
//
// Beside the export it writes konton.txt, the people `scripts/load.sh --city` simulates: HR and
// the chef of the first förvaltning, then, for every 95th unit (40 across the city), its chef,
// deputy, safety representative and five employees, with their avdelning's chef.
//
// --changed writes the next night's export: 1 % of the people gone, 1 % new, 40 units renamed
// and 10 units moved to another avdelning, for the re-sync's figure.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/city-export.mjs <dir> [--changed]');
  process.exit(2);
}
const changed = process.argv.includes('--changed');
mkdirSync(dir, { recursive: true });

const units = ['Enhetskod;Överordnad kod;Namn;Typ'];
const people = ['Anställningsnummer;E-post;Namn;Titel;Enhetskod;Roll;Fackförbund'];
let next = 100000;
const byUnit = new Map(); // unit code -> the addresses of its rows, in order
const person = (unit, role, title) => {
  const id = next++;
  if (changed && id % 100 === 0) return; // gone from the HR system
  people.push(`${id};p${id}@stad.example.se;Person ${id};${title};${unit};${role};`);
  if (!byUnit.has(unit)) byUnit.set(unit, []);
  byUnit.get(unit).push(`p${id}@stad.example.se`);
};

const leaves = [];
for (let f = 1; f <= 10; f++) {
  const fc = `F${f}`;
  units.push(`${fc};;Förvaltning ${f};Förvaltning`);
  person(fc, 'Chef', 'Förvaltningschef');
  person(fc, 'HR', 'HR-strateg');
  person(fc, 'HR', 'HR-konsult');
  for (let a = 1; a <= 20; a++) {
    const ac = `${fc}-A${a}`;
    units.push(`${ac};${fc};Avdelning ${f}.${a};Avdelning`);
    person(ac, 'Chef', 'Avdelningschef');
    for (let e = 1; e <= 19; e++) {
      const ec = `${ac}-E${e}`;
      const renamed = changed && leaves.length % 95 === 0 ? ' (ny)' : '';
      const parent = changed && leaves.length % 380 === 7 ? `${fc}-A${(a % 20) + 1}` : ac;
      units.push(`${ec};${parent};Enhet ${f}.${a}.${e}${renamed};Enhet`);
      leaves.push(ec);
    }
  }
}
for (const unit of leaves) {
  person(unit, 'Chef', 'Enhetschef');
  person(unit, 'Biträdande chef', 'Biträdande enhetschef');
  const safety = next;
  person(unit, 'Medarbetare', 'Undersköterska');
  if (!changed || safety % 100 !== 0) {
    people.push(`${safety};p${safety}@stad.example.se;Person ${safety};Undersköterska;${unit};Skyddsombud;`);
  }
}
let i = 0;
while (next < 150000) person(leaves[i++ % leaves.length], 'Medarbetare', 'Medarbetare');
if (changed) for (let n = 0; n < 500; n++) person(leaves[n], 'Medarbetare', 'Nyanställd');

// The simulated people: those who keep the organisation first, then unit by unit.
const accounts = [...byUnit.get('F1')];
leaves.filter((_, n) => n % 95 === 0).forEach((unit) => {
  const [chef, deputy, safety, ...employees] = byUnit.get(unit) ?? [];
  const avdelning = byUnit.get(unit.replace(/-E\d+$/, ''))?.[0];
  accounts.push(chef, deputy, safety, ...employees.slice(0, 5));
  if (avdelning && !accounts.includes(avdelning)) accounts.push(avdelning);
});
writeFileSync(join(dir, 'konton.txt'), accounts.filter(Boolean).join('\n') + '\n');
writeFileSync(join(dir, 'enheter.csv'), units.join('\n') + '\n');
writeFileSync(join(dir, 'personer.csv'), people.join('\n') + '\n');
console.log(`${units.length - 1} units, ${next - 100000 - (changed ? 500 : 0)} people numbered, ${people.length - 1} role rows → ${dir}`);
