import type { LocalUnitForm } from '@civicflow/domain';
import type { SeededRandom } from './seeded-random';

/**
 * Names for the fictional city 北丰市 (Beifeng), in the manner of the Inner Mongolian cities of the seeds:
 * three urban districts and one banner (旗) whose streets are a town (镇) and sumu (苏木) with villages (村) and
 * gacha (嘎查). Any likeness to a real place is the genre's, not a reference.
 */
export interface DistrictPlan {
  name: string;
  localForm: LocalUnitForm;
  /** Lattice columns the district covers, [from, to). */
  columns: [number, number];
  streets: { name: string; localForm: LocalUnitForm; communityForm: LocalUnitForm }[];
}

const urban = (name: string) => ({ name, localForm: 'street' as const, communityForm: 'community' as const });

export const DISTRICT_PLANS: readonly DistrictPlan[] = [
  {
    name: '丰泽区',
    localForm: 'district',
    columns: [0, 12],
    streets: ['友谊路街道', '钢城路街道', '北苑街道', '幸福路街道', '民族路街道'].map(urban),
  },
  { name: '青城区', localForm: 'district', columns: [12, 22], streets: ['青山路街道', '富强路街道', '自由路街道', '先锋道街道'].map(urban) },
  { name: '河东区', localForm: 'district', columns: [22, 31], streets: ['河东街道', '南门外街道', '和平路街道'].map(urban) },
  {
    name: '乌兰旗',
    localForm: 'banner',
    columns: [31, 40],
    streets: [
      { name: '乌兰镇', localForm: 'town', communityForm: 'village' },
      { name: '巴音苏木', localForm: 'sumu', communityForm: 'gacha' },
      { name: '白音花苏木', localForm: 'sumu', communityForm: 'gacha' },
    ],
  },
];

/** Two-character stems of community (社区) names; each is used once in the city. */
export const COMMUNITY_STEMS = [
  '阳光', '幸福', '和平', '团结', '民主', '友谊', '建设', '光明', '锦绣', '康乐', '富强', '文化', '新华', '青年', '园林',
  '胜利', '翠苑', '金桥', '滨河', '北梁', '春晓', '东兴', '西苑', '南湖', '北辰', '朝阳', '红星', '丰收', '向阳', '永安',
  '长青', '振华', '兴盛', '安康', '福泽', '瑞祥', '明珠', '天骄', '鹿城', '钢花', '昆河', '阴山', '敕勒', '雁鸣', '书香',
  '百灵', '锦华', '育才', '电业', '铁西', '站北', '河畔', '柳林', '杏花', '丁香', '紫薇', '海棠', '银河', '星光', '润德',
  '和顺', '恒通', '众和', '惠民', '静安', '昌盛', '花园', '松石', '青松', '白云',
] as const;

export const VILLAGE_NAMES = ['大榆树村', '二道沟村', '三合村', '红旗村', '新胜村', '沙河村', '东风村', '西河村', '前进村', '兴隆村'] as const;

export const GACHA_NAMES = [
  '巴音嘎查', '乌兰哈达嘎查', '查干嘎查', '白音嘎查', '哈达图嘎查', '阿拉坦嘎查', '宝力格嘎查', '额尔登嘎查', '赛汗嘎查',
  '呼和嘎查', '布日都嘎查', '敖包嘎查', '那仁嘎查', '塔林嘎查', '锡林嘎查', '伊和嘎查', '朝克图嘎查', '巴彦嘎查',
] as const;

/** Compound (小区) names repeat across a real city — 阳光小区 is everywhere — so only the community tells them apart. */
const COMPOUND_STEMS = [
  '阳光', '幸福', '锦绣', '华府', '北辰', '钢城', '金地', '万和', '恒大', '龙湖', '碧水', '翠湖', '紫金', '丽景', '盛世',
  '御景', '天元', '春天', '富力', '康城', '祥和', '瑞景', '明珠', '福星', '佳和', '新城', '东方', '书香', '青山', '滨河',
] as const;
const COMPOUND_SUFFIXES = ['小区', '家园', '花园', '苑', '新村', '公寓', '雅居', '华庭'] as const;

export function compoundName(random: SeededRandom): string {
  return `${random.pick(COMPOUND_STEMS)}${random.pick(COMPOUND_SUFFIXES)}`;
}

/** 村民小组 of a village or gacha: 一组, 二组 … */
export function villageGroupName(n: number): string {
  return `${chineseNumber(n)}组`;
}

function chineseNumber(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits[n];
  if (n < 20) return `十${n % 10 === 0 ? '' : digits[n % 10]}`;
  return `${digits[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : digits[n % 10]}`;
}

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑',
  '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '田', '董', '袁', '潘', '于', '蒋', '蔡', '余', '杜', '叶',
  '程', '苏', '魏', '吕', '丁', '任', '姚', '卢', '姜', '崔', '谭', '陆', '范', '金', '石', '贾', '白', '孟', '秦', '闫', '郝',
] as const;
const GIVEN_NAME_CHARACTERS = [
  '建', '国', '华', '明', '丽', '红', '伟', '军', '芳', '玉', '兰', '英', '秀', '敏', '静', '志', '强', '海', '燕', '霞', '平',
  '刚', '文', '斌', '鹏', '辉', '婷', '雪', '峰', '磊', '杰', '娟', '涛', '超', '波', '鑫', '宇', '浩', '晨', '欣', '佳', '琳',
  '颖', '瑞', '俊', '凯', '亮', '慧', '萍', '桂', '凤', '金', '荣', '春', '梅', '淑', '云', '飞', '龙', '雅', '丹', '莉',
] as const;
/** Mongolian names are given names alone; in the banner about a third of the people carry one. */
const MONGOLIAN_NAMES = [
  '巴特尔', '乌云', '其其格', '娜仁', '苏和', '额尔敦', '图雅', '宝音', '朝鲁', '萨仁', '斯琴', '阿拉腾', '满都拉', '哈斯',
  '乌日娜', '布和', '达来', '格日勒', '那顺', '孟和',
] as const;

export function personName(random: SeededRandom, mongolianShare = 0): string {
  if (random.chance(mongolianShare)) return random.pick(MONGOLIAN_NAMES);
  const given = random.chance(0.7) ? `${random.pick(GIVEN_NAME_CHARACTERS)}${random.pick(GIVEN_NAME_CHARACTERS)}` : random.pick(GIVEN_NAME_CHARACTERS);
  return `${random.pick(SURNAMES)}${given}`;
}

export function maskedMobile(random: SeededRandom): string {
  return `1${random.pick(['3', '5', '8'])}${random.int(0, 9)}****${String(random.int(0, 9999)).padStart(4, '0')}`;
}
