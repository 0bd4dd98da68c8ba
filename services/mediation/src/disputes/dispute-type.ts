import { DisputeType } from './dispute';

/** 纠纷类 categories of the shipped taxonomy (isDispute) and the mediation dispute type each one is. */
const BY_CATEGORY: Readonly<Record<string, DisputeType>> = {
  '0310': 'consumer', // 消费维权纠纷
  '1101': 'wages', // 拖欠工资
  '1102': 'wages', // 农民工工资
  '1111': 'wages', // 劳动争议
  '1503': 'property-management', // 物业管理纠纷
  '1601': 'neighbour', // 邻里纠纷
  '1602': 'family', // 婚姻家庭纠纷
  '1603': 'family', // 赡养抚养纠纷
  '1604': 'neighbour', // 相邻通行采光纠纷
  '1605': 'neighbour', // 楼上楼下漏水纠纷
  '1606': 'neighbour', // 宠物饲养纠纷
  '1804': 'land-compound', // 土地与院落权属纠纷
};

/** The dispute type of a category; a dispute category not listed (医患, 民间借贷, 人民调解 …) is 'other'. */
export function disputeTypeOfCategory(categoryCode: string | undefined | null): DisputeType {
  return (categoryCode && BY_CATEGORY[categoryCode]) || 'other';
}

export const DISPUTE_TYPE_LABELS: Readonly<Record<DisputeType, string>> = {
  neighbour: '邻里纠纷',
  'property-management': '物业纠纷',
  wages: '劳资纠纷',
  family: '婚姻家庭纠纷',
  consumer: '消费纠纷',
  'land-compound': '土地院落纠纷',
  other: '其他纠纷',
};
