/**
 * The 规模以上 thresholds as versioned configuration (DOMAIN.md, "2 % rule"). The statistics
 * bureau's list is the better source; these compute the flag for an enterprise the list does not
 * cover in the register. A new standard is a new version with the year it takes effect; years
 * before keep being judged by the version then in force.
 */
import type { ScaleThresholdVersion } from './scale.rules.ts';

const BASIS_2011 =
  '国家统计局：自 2011 年起规模以上工业统计起点标准为年主营业务收入 2000 万元；限额以上批发和零售业、住宿和餐饮业，规模以上服务业按行业年营业收入（统计上大中小微型企业划分办法配套的统计调查制度）';

export const SCALE_THRESHOLDS: readonly ScaleThresholdVersion[] = [
  {
    version: '2011',
    fromYear: 2011,
    basis: BASIS_2011,
    thresholds: [
      {
        sections: ['B', 'C', 'D'],
        minRevenueWan: 2000,
        label: { zh: '规模以上工业', en: 'industry' },
        basis: '规模以上工业企业：年主营业务收入 2000 万元及以上（2011 年起；DOMAIN.md）',
        verified: true,
      },
      {
        sections: ['E'],
        minRevenueWan: null,
        label: { zh: '建筑业', en: 'construction' },
        basis: '建筑业按有资质的建筑业企业统计，不按营业收入：以统计局名录为准',
        verified: true,
      },
      {
        sections: ['F'],
        divisions: ['51'],
        minRevenueWan: 2000,
        label: { zh: '限额以上批发业', en: 'wholesale' },
        basis: '限额以上批发业：年主营业务收入 2000 万元及以上',
        verified: true,
      },
      {
        sections: ['F'],
        divisions: ['52'],
        minRevenueWan: 500,
        label: { zh: '限额以上零售业', en: 'retail' },
        basis: '限额以上零售业：年主营业务收入 500 万元及以上',
        verified: true,
      },
      {
        sections: ['H'],
        minRevenueWan: 200,
        label: { zh: '限额以上住宿和餐饮业', en: 'accommodation and catering' },
        basis: '限额以上住宿和餐饮业：年主营业务收入 200 万元及以上',
        verified: true,
      },
      {
        sections: ['G', 'I', 'N'],
        minRevenueWan: 2000,
        label: { zh: '规模以上服务业', en: 'services' },
        basis:
          '规模以上服务业：交通运输仓储邮政业、信息传输软件和信息技术服务业、水利环境和公共设施管理业年营业收入 2000 万元及以上（待核实）',
        verified: false,
      },
      {
        sections: ['L', 'M', 'P'],
        minRevenueWan: 1000,
        label: { zh: '规模以上服务业', en: 'services' },
        basis:
          '规模以上服务业：租赁和商务服务业、科学研究和技术服务业、教育年营业收入 1000 万元及以上（待核实）',
        verified: false,
      },
      {
        sections: ['O', 'Q', 'R'],
        minRevenueWan: 500,
        label: { zh: '规模以上服务业', en: 'services' },
        basis:
          '规模以上服务业：居民服务修理和其他服务业、卫生和社会工作、文化体育和娱乐业年营业收入 500 万元及以上（待核实）',
        verified: false,
      },
      {
        sections: ['K'],
        minRevenueWan: null,
        label: { zh: '房地产业', en: 'real estate' },
        basis: '房地产开发经营按资质统计，其余房地产业按营业收入，大类层面不能区分：以统计局名录为准',
        verified: false,
      },
    ],
  },
];
