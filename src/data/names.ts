/**
 * Names of the entries an entry points at, for display: an honour's recipients, a letter's
 * addressees. References to unpublished entries were removed by the publishing rules, so what is
 * found here may be shown.
 */
import type { Ref } from '../schemas/context';
import type { Catalog, Honor, Letter, Unit } from './catalog';

/** A linkable name. */
export interface NamedLink {
  id: string;
  name: string;
}

/** 东进警务站 rather than 东进警务工作服务站 where space is short. */
export function unitLabel(unit: Unit): string {
  return unit.data.shortName ?? unit.data.name;
}

function officersOf(refs: Ref<'officers'>[], relations: Catalog['relations']): NamedLink[] {
  return refs.flatMap((r) => {
    const officer = relations.officer(r.id);
    return officer ? [{ id: officer.id, name: officer.data.name }] : [];
  });
}

function unitsOf(refs: Ref<'units'>[], relations: Catalog['relations']): NamedLink[] {
  return refs.flatMap((r) => {
    const unit = relations.unit(r.id);
    return unit ? [{ id: unit.id, name: unit.data.name }] : [];
  });
}

export interface Recipients {
  officers: NamedLink[];
  units: NamedLink[];
  others: string[];
  count: number | undefined;
}

export function honorRecipients(honor: Honor, relations: Catalog['relations']): Recipients {
  const r = honor.data.recipients;
  return { officers: officersOf(r.officers, relations), units: unitsOf(r.units, relations), others: r.others, count: r.count };
}

/** One line: 王祥 / 海陵巡特警大队 / 8名. */
export function recipientsText({ officers, units, others, count }: Recipients): string {
  const names = [...officers.map((o) => o.name), ...units.map((u) => u.name), ...others];
  if (names.length > 0) return names.join('、') + (count !== undefined && count > names.length ? ` 等${count}人` : '');
  return count !== undefined ? `${count}人` : '';
}

export function letterAddressees(letter: Letter, relations: Catalog['relations']): { officers: NamedLink[]; units: NamedLink[] } {
  return { officers: officersOf(letter.data.to.officers, relations), units: unitsOf(letter.data.to.units, relations) };
}
