/**
 * The seeded users of the development sign-in (local runtime only: this module is never
 * deployed, and the console offers the list only when `/local/config` answers it).
 */
import type { TokenRequest } from './jwt.ts';

export interface DevUser extends TokenRequest {
  id: string;
  label: string;
}

export const devUsers: readonly DevUser[] = [
  { id: 'admin', label: 'Quản trị hệ thống (Sở Nội vụ)', role: 'admin', username: 'quantri' },
  { id: 'council', label: 'Hội đồng thẩm định chỉ số CCHC', role: 'council', username: 'hoidong' },
  {
    id: 'district-council',
    label: 'Hội đồng thẩm định cấp huyện — Ba Tri (phê duyệt kết quả các xã)',
    role: 'council',
    district: 'H-BATRI',
    username: 'hoidong.batri',
  },
  {
    id: 'lead-appraiser',
    label: 'Thẩm định chủ trì — Sở Nội vụ (mọi lĩnh vực)',
    role: 'appraiser',
    unitId: 'SNV',
    areas: '*',
    username: 'thamdinh.snv',
  },
  {
    id: 'area-appraiser',
    label: 'Thẩm định lĩnh vực 2 — Sở Tư pháp',
    role: 'appraiser',
    unitId: 'STP',
    areas: '2',
    username: 'thamdinh.stp',
  },
  {
    id: 'district-appraiser',
    label: 'Thẩm định cấp huyện — UBND huyện Ba Tri (các xã)',
    role: 'appraiser',
    unitId: 'H-BATRI',
    district: 'H-BATRI',
    areas: '*',
    username: 'thamdinh.batri',
  },
  { id: 'department-clerk', label: 'Cán bộ Sở Công Thương', role: 'unit', unitId: 'SCT', username: 'canbo.sct' },
  { id: 'district-clerk', label: 'Cán bộ UBND huyện Ba Tri', role: 'unit', unitId: 'H-BATRI', username: 'canbo.batri' },
  { id: 'commune-clerk', label: 'Cán bộ UBND xã Mỹ Hòa (huyện Ba Tri)', role: 'unit', unitId: 'X-BATRI-MY-HOA', username: 'canbo.myhoa' },
  // The province's own assessment (reference/cycles/province-2024.json): Sở Nội vụ coordinates, Sở Tư pháp fills area 2.
  {
    id: 'province-coordinator',
    label: 'Cán bộ Sở Nội vụ — chủ trì hồ sơ CCHC của tỉnh',
    role: 'unit',
    unitId: 'SNV',
    username: 'canbo.snv',
  },
  {
    id: 'province-contributor',
    label: 'Cán bộ Sở Tư pháp — lĩnh vực 2 hồ sơ của tỉnh',
    role: 'unit',
    unitId: 'STP',
    username: 'canbo.stp',
  },
];

/** 8 hours, a working day; tests ask for shorter sessions. */
export const devSessionSeconds = 8 * 3600;
