/**
 * 知识库初始条目 — the articles a new deployment starts with, for answering common inquiries on the spot (一次办结).
 * Answers state the national rule where one exists and send the citizen to the local office where fees,
 * dates and windows differ by city; administrators adapt them through the admin API (seeding never
 * overwrites an edited article). Every category code must take inquiries (checked by a unit test).
 */
export interface SeedArticle {
  id: string;
  categoryCode: string;
  titleZh: string;
  titleEn: string;
  keywords: string[];
  answer: string;
}

export const KNOWLEDGE_SEED: readonly SeedArticle[] = [
  {
    id: 'kb-social-security-card-reissue',
    categoryCode: '1104',
    titleZh: '社保卡丢失如何挂失和补办',
    titleEn: 'Reporting a lost social security card and getting a new one',
    keywords: ['社保卡', '社会保障卡', '补办', '挂失', '丢失', '补卡', '12333'],
    answer:
      '社保卡丢失后请先挂失:可拨打12333人社服务热线、使用“电子社保卡”或当地人社APP、或到社保卡合作银行网点办理临时挂失。' +
      '补办时本人携带有效身份证件到社保卡服务网点或合作银行网点申请,部分地区可线上申请后邮寄到家。' +
      '补卡期间可使用电子社保卡就医结算。工本费及制卡时间以当地人社部门规定为准。',
  },
  {
    id: 'kb-heating-fee-rates',
    categoryCode: '0604',
    titleZh: '供暖收费标准是多少',
    titleEn: 'Heating fee rates',
    keywords: ['供暖费', '取暖费', '暖气费', '供热费', '收费标准', '按面积收费', '计量收费'],
    answer:
      '居民供热价格由当地发展改革(价格)部门核定,一般按建筑面积(元/平方米·采暖期)收费,已安装热计量装置的可按“基本热费+计量热费”收费。' +
      '具体单价以本市价格主管部门公布的标准和供热企业的收费通知为准,可到供热企业营业厅或官方公众号查询。' +
      '如认为多收、乱收,可提出投诉,我们将转供热主管部门核查。',
  },
  {
    id: 'kb-heating-fee-payment',
    categoryCode: '0604',
    titleZh: '供暖费什么时候交、怎么交',
    titleEn: 'When and how to pay the heating fee',
    keywords: ['交暖气费', '缴纳供暖费', '供暖费缴费', '线上缴费', '缴费时间', '发票'],
    answer:
      '供暖费通常在采暖期开始前集中缴纳,具体起止时间以供热企业通知为准。' +
      '可通过供热企业营业厅、官方公众号或APP、银行代收网点以及微信、支付宝“生活缴费”缴纳,缴费后可在线申请电子发票。' +
      '逾期未缴可能影响开栓供热,有困难的家庭可向社区咨询减免政策。',
  },
  {
    id: 'kb-heating-suspension',
    categoryCode: '0605',
    titleZh: '房屋空置如何办理供暖报停',
    titleEn: 'Suspending district heating for an empty home',
    keywords: ['报停', '停供', '暂停供暖', '空置房', '基本热费', '不用暖气'],
    answer:
      '房屋在采暖期内无人居住的,可在供热企业规定的报停期限内(一般在开栓前)携带房产证明和身份证到供热企业营业厅申请报停,部分企业支持线上申请。' +
      '报停后供热企业会对户内阀门施封,多数地区仍需缴纳一定比例的基本热费以维护管网。恢复供暖需提前申请。具体比例和期限以本市供热管理规定为准。',
  },
  {
    id: 'kb-residence-permit',
    categoryCode: '1007',
    titleZh: '居住证办理条件和所需材料',
    titleEn: 'Residence permit: who can apply and what to bring',
    keywords: ['居住证', '暂住证', '流动人口', '居住登记', '外地户口', '半年'],
    answer:
      '根据《居住证暂行条例》,离开户籍所在地到本市居住半年以上,并符合有合法稳定就业、合法稳定住所、连续就读条件之一的,可申领居住证。' +
      '请携带本人身份证、近期照片、居住证明(房产证或租赁合同等)及就业或就读证明,到居住地派出所或社区警务室申请,部分地区可在政务服务平台线上办理。' +
      '居住证每年签注一次,可享受子女入学、办理出入境证件等基本公共服务。',
  },
  {
    id: 'kb-housing-fund-withdrawal',
    categoryCode: '1510',
    titleZh: '住房公积金提取条件',
    titleEn: 'When you can withdraw your housing provident fund',
    keywords: ['公积金', '提取公积金', '取公积金', '租房提取', '购房提取', '离职提取', '销户'],
    answer:
      '符合以下情形之一可申请提取住房公积金:购买、建造、翻建、大修自住住房;偿还购房贷款本息;租房自住且本人及配偶在缴存地无自有住房;' +
      '离休、退休;完全丧失劳动能力并与单位终止劳动关系;出境定居等。' +
      '可通过当地住房公积金管理中心APP、公众号、个人网上业务大厅或服务网点办理,所需材料和额度以公积金中心规定为准,咨询电话12329。',
  },
  {
    id: 'kb-housing-fund-loan',
    categoryCode: '1510',
    titleZh: '公积金贷款申请条件',
    titleEn: 'Applying for a housing provident fund loan',
    keywords: ['公积金贷款', '贷款额度', '连续缴存', '购房贷款', '组合贷款'],
    answer:
      '申请公积金贷款一般要求:申请时正常缴存住房公积金并连续缴存满规定月数(多为6个月或12个月),用于购买自住住房,具有稳定收入和还款能力,无尚未还清的公积金贷款。' +
      '贷款额度与账户余额、缴存年限、还款能力和房价挂钩,并有最高限额。请携带身份证、购房合同、收入证明等到住房公积金管理中心或合作银行咨询办理,具体以当地公积金中心规定为准,咨询电话12329。',
  },
  {
    id: 'kb-dog-registration',
    categoryCode: '2201',
    titleZh: '养犬登记(办狗证)怎么办',
    titleEn: 'Registering a dog (dog licence)',
    keywords: ['养犬登记', '犬证', '狗证', '办狗证', '狂犬疫苗', '养狗', '犬类登记', '犬牌'],
    answer:
      '在城市养犬须办理养犬登记。一般流程:先带犬只到指定的动物诊疗机构接种狂犬病疫苗并取得免疫证明;' +
      '再携带本人身份证、住所证明(房产证或租赁合同)、犬只照片和免疫证明到养犬登记窗口或通过线上平台申请,领取犬牌。' +
      '禁养犬种不予登记;登记每年需年检并按时复种疫苗。登记主管部门(公安或城管)和收费标准以本市养犬管理规定为准。',
  },
  {
    id: 'kb-id-card-reissue',
    categoryCode: '1003',
    titleZh: '身份证丢失补办',
    titleEn: 'Replacing a lost ID card',
    keywords: ['身份证', '补办身份证', '身份证丢了', '临时身份证', '挂失', '异地办理'],
    answer:
      '居民身份证丢失可到户籍所在地或现居住地公安机关户政窗口申请补领,目前已实现跨省异地办理。请携带户口簿(异地办理可凭本人身份信息核验),现场采集照片和指纹。' +
      '补领一般在规定工作日内制发,可选择邮寄。急需乘车、住宿的,可同时申请临时居民身份证,或在车站、机场公安窗口开具临时乘车(机)证明。工本费以公安机关规定为准。',
  },
  {
    id: 'kb-household-registration-transfer',
    categoryCode: '1003',
    titleZh: '户口迁移怎么办理',
    titleEn: 'Moving your household registration (hukou)',
    keywords: ['户口迁移', '迁户口', '落户', '准迁证', '一站式迁移', '投靠'],
    answer:
      '户口迁入本市需符合本市落户政策(如购房、就业、投靠亲属、升学等)。目前多数地区已实行户口迁移“一站式”办理:' +
      '本人持身份证、户口簿及落户条件证明材料到迁入地派出所申请,审核通过后由公安机关内部办理迁出手续,一般无需回迁出地开具迁移证。' +
      '具体条件和材料以迁入地公安机关落户政策为准,可先电话咨询辖区派出所。',
  },
  {
    id: 'kb-medical-insurance-evoucher',
    categoryCode: '2404',
    titleZh: '医保电子凭证(医保码)怎么激活使用',
    titleEn: 'Activating and using the medical insurance e-voucher',
    keywords: ['医保电子凭证', '医保码', '激活医保', '国家医保服务平台', '扫码就医', '家庭共济'],
    answer:
      '可通过“国家医保服务平台”APP、微信或支付宝搜索“医保电子凭证”,按提示完成实名认证和人脸识别即可激活。' +
      '激活后在定点医院、药店出示医保码即可挂号、结算,和实体社保卡同等使用;还可为家人添加亲情账户。如激活失败,请确认已参加医疗保险,或拨打12393医保服务热线咨询。',
  },
  {
    id: 'kb-medical-treatment-elsewhere',
    categoryCode: '2403',
    titleZh: '异地就医如何备案和直接结算',
    titleEn: 'Registering for medical treatment in another region',
    keywords: ['异地就医', '异地备案', '跨省就医', '直接结算', '异地安置', '转诊'],
    answer:
      '跨省或市外就医前请先办理异地就医备案,可通过“国家医保服务平台”APP、国家异地就医备案小程序或参保地医保经办机构办理,' +
      '备案类型包括异地长期居住、临时外出就医等。备案后在就医地开通直接结算的定点医疗机构持医保码或社保卡可直接结算;' +
      '未备案或未直接结算的,可回参保地按规定手工报销。报销比例以参保地政策为准,医保服务热线12393。',
  },
  {
    id: 'kb-medical-reimbursement-documents',
    categoryCode: '2402',
    titleZh: '医保手工报销需要哪些材料',
    titleEn: 'Documents for a manual medical insurance claim',
    keywords: ['医保报销', '手工报销', '报销材料', '发票', '费用清单', '零星报销'],
    answer:
      '未能直接结算的医疗费用可申请手工(零星)报销,一般需要:参保人身份证或社保卡、医疗费用发票原件、费用明细清单、' +
      '诊断证明或出院小结(住院需提供)、本人银行卡信息;代办需提供代办人身份证。请在规定时限内到参保地医保经办机构或通过线上平台提交。' +
      '报销范围和比例以当地医保政策为准,医保服务热线12393。',
  },
  {
    id: 'kb-marriage-registration',
    categoryCode: '1206',
    titleZh: '结婚登记需要带什么材料',
    titleEn: 'What to bring to register a marriage',
    keywords: ['结婚登记', '领结婚证', '结婚证', '婚姻登记', '全国通办', '预约'],
    answer:
      '结婚登记须男女双方本人亲自到场,携带本人有效居民身份证,以及双方近期半身免冠合影照片(多数登记处可现场拍摄)。' +
      '自2025年5月起施行的《婚姻登记条例》规定结婚登记可在全国任一婚姻登记机关办理,不再要求提供户口簿。' +
      '建议通过当地民政部门公众号或政务服务平台提前预约,节假日是否办理以登记处公告为准。',
  },
  {
    id: 'kb-water-bill-payment',
    categoryCode: '0505',
    titleZh: '水费怎么交,阶梯水价怎么算',
    titleEn: 'Paying the water bill and how tiered pricing works',
    keywords: ['水费', '交水费', '阶梯水价', '水价', '水表', '欠费停水'],
    answer:
      '居民水费可通过供水企业营业厅、官方公众号或APP、银行代扣以及微信、支付宝“生活缴费”缴纳,需提供户号(见水费单据)。' +
      '本市居民用水实行阶梯水价,按年度用水量分档计价,家庭人口较多的可申请增加基数。具体水价和分档标准以价格主管部门公布为准。' +
      '对用水量有异议的,可申请供水企业上门核表。',
  },
  {
    id: 'kb-electricity-bill-payment',
    categoryCode: '0704',
    titleZh: '电费查询和缴纳',
    titleEn: 'Checking and paying the electricity bill',
    keywords: ['电费', '交电费', '查电费', '网上国网', '95598', '阶梯电价', '预付费电表'],
    answer:
      '可通过“网上国网”APP、供电营业厅、微信或支付宝“生活缴费”查询和缴纳电费,需提供用电户号。居民生活用电实行阶梯电价,按年度用电量分档。' +
      '预付费(智能)电表余额不足会自动停电,缴费后一般短时间内恢复。对电量或电费有疑问,可拨打95598供电服务热线申请核查。',
  },
  {
    id: 'kb-gas-bill-payment',
    categoryCode: '0803',
    titleZh: '燃气费缴纳和燃气表充值',
    titleEn: 'Paying for gas and topping up the gas meter',
    keywords: ['燃气费', '交燃气费', '天然气费', '煤气费', '燃气表充值', 'IC卡表', '物联网表'],
    answer:
      '普通燃气表可通过燃气企业营业厅、官方公众号或APP、微信或支付宝“生活缴费”缴费。IC卡燃气表需在营业厅或自助终端购气写卡后插回表具;' +
      '物联网燃气表可线上充值,数据自动同步。燃气价格以价格主管部门公布为准。发现燃气泄漏请立即关闭阀门、开窗通风、严禁动用明火和电器,到室外拨打燃气企业抢修电话或119。',
  },
  {
    id: 'kb-minimum-living-allowance',
    categoryCode: '1201',
    titleZh: '低保申请条件和办理流程',
    titleEn: 'Applying for the minimum living allowance (dibao)',
    keywords: ['低保', '最低生活保障', '申请低保', '困难家庭', '救助', '低保标准'],
    answer:
      '家庭人均收入低于当地最低生活保障标准,且家庭财产状况符合当地规定的,可以申请低保。' +
      '由申请人向户籍所在地(或经常居住地)街道办事处、乡镇人民政府提出,社区可以帮助代办,需提供身份证、户口簿、家庭收入和财产情况说明并签署授权核对声明。' +
      '经入户调查、信息核对、公示等程序后审批。具体标准请咨询所在社区或民政部门。',
  },
  {
    id: 'kb-unemployment-benefit',
    categoryCode: '1106',
    titleZh: '失业保险金怎么申领',
    titleEn: 'Claiming unemployment insurance benefit',
    keywords: ['失业金', '失业保险金', '领失业金', '失业登记', '离职'],
    answer:
      '根据《社会保险法》,失业前用人单位和本人已缴纳失业保险费满一年、非因本人意愿中断就业、已办理失业登记并有求职要求的,可以领取失业保险金。' +
      '可通过国家社会保险公共服务平台、电子社保卡或当地人社APP线上申领,也可到户籍地或参保地公共就业服务机构办理。' +
      '领取期限根据累计缴费时间确定,标准以当地规定为准,咨询电话12333。',
  },
  {
    id: 'kb-pension-eligibility-certification',
    categoryCode: '1105',
    titleZh: '养老金领取资格认证怎么做',
    titleEn: 'Annual pension eligibility certification',
    keywords: ['养老金认证', '资格认证', '待遇认证', '人脸识别', '退休金', '年审'],
    answer:
      '领取养老金的人员每年需进行一次待遇领取资格认证。可通过国家社会保险公共服务平台、“掌上12333”APP或电子社保卡刷脸认证,' +
      '也可由子女在手机上帮助操作;行动不便的老人可联系社区或社保经办机构上门认证。' +
      '多数地区已通过大数据比对自动认证,未收到提醒一般无需操作。逾期未认证可能暂停发放,认证后补发。咨询电话12333。',
  },
  {
    id: 'kb-primary-school-enrolment',
    categoryCode: '1401',
    titleZh: '小学入学报名需要哪些材料',
    titleEn: 'Primary school enrolment: documents and dates',
    keywords: ['小学入学', '一年级报名', '入学报名', '划片', '学区', '随迁子女'],
    answer:
      '适龄儿童(当年8月31日前满6周岁)按户籍和实际居住地“划片”入学。报名时间和方式以区教育局当年发布的招生公告为准,一般在5月至7月。' +
      '常见材料:儿童户口簿、出生医学证明、监护人房产证或租赁备案证明、预防接种证;随迁子女还需居住证和务工证明等。可登录当地招生报名平台查询学区划分。',
  },
  {
    id: 'kb-child-vaccination',
    categoryCode: '1305',
    titleZh: '儿童疫苗接种在哪里预约',
    titleEn: 'Booking vaccinations for children',
    keywords: ['疫苗', '打疫苗', '预防接种', '接种证', '疫苗预约', '免疫规划'],
    answer:
      '儿童免疫规划疫苗在居住地社区卫生服务中心或乡镇卫生院的预防接种门诊免费接种。' +
      '请携带预防接种证,按接种证上的时间或门诊通知前往,多数门诊可通过公众号或小程序预约。' +
      '非免疫规划疫苗自愿自费接种。外地迁入的儿童请到居住地接种门诊登记建档。接种后需留观30分钟。',
  },
  {
    id: 'kb-property-title-certificate',
    categoryCode: '1508',
    titleZh: '不动产权证书(房产证)怎么办理',
    titleEn: 'Getting the property title certificate',
    keywords: ['房产证', '不动产证', '不动产登记', '办证', '产权证', '过户'],
    answer:
      '购买新建商品房的,一般由开发企业办理首次登记后,买受人携带身份证、购房合同、契税完税凭证等到不动产登记中心申请转移登记;' +
      '二手房过户需买卖双方共同申请。目前多地已实现“交房即交证”和网上申请。' +
      '开发商原因长期无法办证的,可向住建或不动产登记部门反映。具体材料以当地不动产登记中心要求为准。',
  },
  {
    id: 'kb-driving-licence-renewal',
    categoryCode: '0910',
    titleZh: '驾驶证到期换证',
    titleEn: 'Renewing a driving licence',
    keywords: ['驾驶证', '换证', '驾照到期', '期满换证', '交管12123', '体检'],
    answer:
      '机动车驾驶证有效期满前90日内可以申请换证。可通过“交管12123”APP在线申请(需上传体检信息,多地已与医院联网),证件邮寄到家;' +
      '也可携带身份证、驾驶证和体检证明到车管所或交警服务站办理。超过有效期一年以上未换证的驾驶证将被注销。工本费以当地规定为准。',
  },
  {
    id: 'kb-passport-application',
    categoryCode: '1004',
    titleZh: '护照怎么办理',
    titleEn: 'Applying for a passport',
    keywords: ['护照', '办护照', '出入境证件', '港澳通行证', '全国通办', '移民局'],
    answer:
      '普通护照已实行“全国通办”,可在任一出入境管理窗口申请。可先通过“移民局”APP或公众号预约,本人携带身份证到场采集照片和指纹。' +
      '一般在7个工作日内签发,可选择邮寄。未成年人需监护人陪同并提供监护关系证明。港澳台通行证及签注也可在出入境窗口或自助机办理。',
  },
  {
    id: 'kb-individual-income-tax-settlement',
    categoryCode: '2303',
    titleZh: '个人所得税年度汇算怎么办',
    titleEn: 'Annual individual income tax settlement',
    keywords: ['个税', '个人所得税', '年度汇算', '退税', '专项附加扣除', '个人所得税APP'],
    answer:
      '个人所得税综合所得年度汇算办理时间为次年3月1日至6月30日,可通过“个人所得税”APP或自然人电子税务局网页办理,需要时可预约。' +
      '预缴税款多于应纳税额的可申请退税,少缴的需补税(符合规定情形可免予补税)。子女教育、赡养老人等专项附加扣除可在APP中填报。咨询电话12366。',
  },
  {
    id: 'kb-waste-sorting',
    categoryCode: '0205',
    titleZh: '生活垃圾怎么分类',
    titleEn: 'How to sort household waste',
    keywords: ['垃圾分类', '厨余垃圾', '可回收物', '有害垃圾', '其他垃圾', '大件垃圾'],
    answer:
      '生活垃圾一般分为四类:可回收物(纸张、塑料瓶、金属、玻璃、旧衣物等);有害垃圾(废电池、废灯管、过期药品、油漆桶等);' +
      '厨余垃圾(剩菜剩饭、果皮、菜叶等,需沥干水分);其他垃圾(卫生纸、烟头、尘土等难以回收的)。' +
      '大件垃圾和装修垃圾请联系物业或社区预约清运,不要随意堆放。分类投放时间和地点以所在小区公示为准。',
  },
  {
    id: 'kb-property-management-fee',
    categoryCode: '1502',
    titleZh: '物业费收费标准怎么定',
    titleEn: 'How property management fees are set',
    keywords: ['物业费', '物业收费', '物业费标准', '物业涨价', '公摊', '物业合同'],
    answer:
      '住宅物业服务收费实行政府指导价或市场调节价:前期物业(业主委员会成立前)多按政府指导价执行,其他由业主与物业企业在物业服务合同中约定。' +
      '物业企业应在小区显著位置公示收费项目、标准和服务内容。物业费上涨须按合同约定并经业主共同决定。' +
      '对收费有异议可先查看物业服务合同,再向社区、街道或住建部门反映;属于乱收费的可提出投诉。',
  },
  {
    id: 'kb-maintenance-fund-use',
    categoryCode: '1505',
    titleZh: '住宅专项维修资金怎么申请使用',
    titleEn: 'Using the residential maintenance fund',
    keywords: ['维修资金', '维修基金', '电梯维修', '屋面漏水', '共用部位', '业主表决'],
    answer:
      '住宅专项维修资金用于保修期满后共用部位、共用设施设备(如电梯、屋面防水、外墙、消防设施)的维修和更新改造。' +
      '按《民法典》规定,使用维修资金须由专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决,并经参与表决专有部分面积过半数且人数过半数的业主同意。' +
      '由业主委员会或物业企业提出方案,经表决后向住建部门(维修资金管理机构)申请。危及安全的紧急情况可走应急使用程序。',
  },
  {
    id: 'kb-rental-contract-filing',
    categoryCode: '1506',
    titleZh: '租房合同网签备案',
    titleEn: 'Registering a residential lease',
    keywords: ['租房备案', '租赁备案', '网签', '租房合同', '租房提取公积金', '居住证租房'],
    answer:
      '住房租赁合同可由出租人、承租人或房地产经纪机构到房屋所在地住房租赁管理部门或街道服务窗口办理登记备案,多地已支持线上网签备案。' +
      '一般需要双方身份证、房屋权属证明和租赁合同。备案后可用于办理居住证、租房提取公积金、子女入学等。具体办理渠道以当地住建部门公布为准。',
  },
  {
    id: 'kb-veteran-preferential-card',
    categoryCode: '2501',
    titleZh: '退役军人优待证怎么申领',
    titleEn: 'Applying for the veterans preferential treatment card',
    keywords: ['优待证', '退役军人', '退役军人优待证', '申领优待证', '退役军人服务站'],
    answer:
      '退役军人和其他优抚对象可申领优待证,可通过户籍所在地的村(社区)退役军人服务站提交申请,也可使用退役军人事务部官方小程序线上申请。' +
      '需提供身份证、退役证件和近期照片,经审核后制发。持证可在交通、文旅、医疗等方面享受相应优待。具体优待项目以当地公布的清单为准。',
  },
  {
    id: 'kb-legal-aid',
    categoryCode: '2601',
    titleZh: '如何申请法律援助',
    titleEn: 'Applying for legal aid',
    keywords: ['法律援助', '免费律师', '12348', '讨薪援助', '法律咨询'],
    answer:
      '经济困难或属于法定情形(如请求支付劳动报酬、给予社会保险待遇、工伤赔偿等)的公民,可以申请法律援助。' +
      '可拨打12348公共法律服务热线咨询,或携带身份证、经济困难状况说明和案件材料到当地法律援助中心或公共法律服务站申请,部分地区支持线上申请。' +
      '农民工讨薪申请法律援助可免予经济困难审查。',
  },
  {
    id: 'kb-sole-proprietor-registration',
    categoryCode: '0312',
    titleZh: '个体工商户营业执照怎么办',
    titleEn: 'Registering a sole proprietorship (individual business)',
    keywords: ['营业执照', '个体户', '个体工商户', '开店', '办执照', '一网通办'],
    answer:
      '办理个体工商户营业执照,可通过本地政务服务网“一网通办”或市场监管部门企业开办平台在线申请,也可到政务服务中心市场监管窗口办理。' +
      '一般需要经营者身份证和经营场所使用证明(房产证或租赁合同)。材料齐全的通常当场或很快办结,不收费。' +
      '从事食品经营等许可类项目的还需另行办理相关许可证。',
  },
  {
    id: 'kb-birth-registration',
    categoryCode: '1308',
    titleZh: '生育登记怎么办',
    titleEn: 'Registering a birth with the health commission',
    keywords: ['生育登记', '准生证', '生育服务', '生育津贴', '出生医学证明'],
    answer:
      '生育登记已全面放开,夫妻可通过当地卫生健康委员会公众号、政务服务APP线上办理,也可到户籍地或居住地社区、乡镇(街道)办理,一般只需夫妻双方身份证和结婚证信息。' +
      '登记可用于孕产期保健服务和生育保险待遇办理。孩子出生后凭出生医学证明办理户口登记。生育津贴申领请咨询医保部门(12393)。',
  },
];
