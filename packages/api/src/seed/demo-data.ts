/**
 * Demo data: fictional companies with valid 统一社会信用代码 (440305 = Nanshan, 440304 = Futian,
 * 441900 = Dongguan). Prices are realistic 2026 list prices in fen.
 */
export const DEMO_PASSWORD = 'Demo@2026';

export const demoUsers = {
  admin: { email: 'admin@nanshan.gov.cn', name: '南山区科创局 审核员', role: 'admin' },
  sme: { email: 'sme@zhiyuan.ai', name: '李敏 (智源未来 财务)', role: 'sme' },
  large: { email: 'finance@jubo.cn', name: '张伟 (巨擘数据)', role: 'sme' },
  outside: { email: 'ops@futian-ai.cn', name: '陈晨 (福田智能)', role: 'sme' },
  provider: { email: 'sales@nscompute.cn', name: '王芳 (南山智算中心)', role: 'provider' },
  vendor: { email: 'sales@pengcloud.cn', name: '刘洋 (鹏云智能)', role: 'provider' },
} as const;

export const demoEnterprises = [
  {
    key: 'sme',
    uscc: '91440305MA5F8K2L30',
    name: '深圳智源未来科技有限公司',
    district: '南山区',
    registeredInNanshan: true,
    legalStatus: 'independent',
    industry: 'software_it',
    employees: 86,
    revenueFen: 32_000_000_00,
    assetsFen: 18_000_000_00,
    techSmeRegistered: true,
    aiActivity: 'llm_training',
    verified: true,
  },
  {
    key: 'large',
    uscc: '91440305MA5G1N7P4L',
    name: '深圳巨擘数据集团有限公司',
    district: '南山区',
    registeredInNanshan: true,
    legalStatus: 'independent',
    industry: 'software_it',
    employees: 2600,
    revenueFen: 5_200_000_000_00,
    assetsFen: 8_000_000_000_00,
    techSmeRegistered: false,
    aiActivity: 'genai_application',
    verified: true,
  },
  {
    key: 'outside',
    uscc: '91440304MA5J6T2U83',
    name: '深圳福田智能视觉有限公司',
    district: '福田区',
    registeredInNanshan: false,
    legalStatus: 'independent',
    industry: 'software_it',
    employees: 40,
    revenueFen: 9_000_000_00,
    assetsFen: 6_000_000_00,
    techSmeRegistered: false,
    aiActivity: 'genai_application',
    verified: true,
  },
] as const;

export const demoProviders = [
  {
    key: 'centre',
    uscc: '91440305MA5H3Q9R6Q',
    name: '南山智算中心',
    kind: 'computing_centre',
    city: '深圳市',
    inShenzhen: true,
    status: 'approved',
    filingValidFrom: '2024-04-08',
    filingValidTo: '2027-04-07',
  },
  {
    key: 'vendor',
    uscc: '91440305MA5K8W4X1R',
    name: '鹏云智能云服务',
    kind: 'cloud_vendor',
    city: '深圳市',
    inShenzhen: true,
    status: 'filed',
    filingValidFrom: '2025-01-01',
    filingValidTo: '2027-04-07',
  },
  {
    key: 'pending',
    uscc: '91441900MA5L2Y6A7R',
    name: '东莞松山湖算力有限公司',
    kind: 'computing_centre',
    city: '东莞市',
    inShenzhen: false,
    status: 'pending',
    filingValidFrom: null,
    filingValidTo: null,
  },
] as const;

type OfferingSeed = {
  provider: (typeof demoProviders)[number]['key'];
  title: string;
  kind: 'compute' | 'ai_service';
  serviceKind: 'compute' | 'storage' | 'network' | 'security';
  gpuModel: string | null;
  gpuCount: number | null;
  unit: string;
  unitPriceFen: number;
  region: string | null;
  description: string;
  minQuantity: number;
  maxQuantity: number;
  status: 'draft' | 'listed' | 'delisted';
};

export const demoOfferings: OfferingSeed[] = [
  {
    provider: 'centre',
    title: 'NVIDIA H800 训练集群 · 8 卡节点',
    kind: 'compute',
    serviceKind: 'compute',
    gpuModel: 'NVIDIA H800 80GB',
    gpuCount: 8,
    unit: 'gpu_hour',
    unitPriceFen: 32_00,
    region: '深圳南山',
    description: '大模型预训练 / 微调，InfiniBand 400G 互联',
    minQuantity: 8,
    maxQuantity: 100_000,
    status: 'listed',
  },
  {
    provider: 'centre',
    title: 'NVIDIA A800 包月整卡',
    kind: 'compute',
    serviceKind: 'compute',
    gpuModel: 'NVIDIA A800 80GB',
    gpuCount: 1,
    unit: 'card_month',
    unitPriceFen: 9_800_00,
    region: '深圳南山',
    description: '独占整卡，适合持续训练与推理服务',
    minQuantity: 1,
    maxQuantity: 512,
    status: 'listed',
  },
  {
    provider: 'centre',
    title: '昇腾 910B 国产算力 · 按卡时',
    kind: 'compute',
    serviceKind: 'compute',
    gpuModel: 'Huawei Ascend 910B',
    gpuCount: 8,
    unit: 'gpu_hour',
    unitPriceFen: 18_50,
    region: '深圳南山',
    description: 'MindSpore / PyTorch-NPU 环境预装',
    minQuantity: 8,
    maxQuantity: 200_000,
    status: 'listed',
  },
  {
    provider: 'centre',
    title: 'NVIDIA H20 推理包月',
    kind: 'compute',
    serviceKind: 'compute',
    gpuModel: 'NVIDIA H20 96GB',
    gpuCount: 1,
    unit: 'card_month',
    unitPriceFen: 6_200_00,
    region: '深圳前海',
    description: '大模型在线推理，含 1Gbps 公网带宽',
    minQuantity: 1,
    maxQuantity: 256,
    status: 'listed',
  },
  {
    provider: 'centre',
    title: 'NVIDIA L40S 推理 · 按卡时',
    kind: 'compute',
    serviceKind: 'compute',
    gpuModel: 'NVIDIA L40S 48GB',
    gpuCount: 1,
    unit: 'gpu_hour',
    unitPriceFen: 7_80,
    region: '深圳南山',
    description: '文生图 / 多模态推理',
    minQuantity: 1,
    maxQuantity: 100_000,
    status: 'listed',
  },
  {
    provider: 'centre',
    title: '训练数据高性能存储（不含算力）',
    kind: 'compute',
    serviceKind: 'storage',
    gpuModel: null,
    gpuCount: null,
    unit: 'tb_month',
    unitPriceFen: 450_00,
    region: '深圳南山',
    description: '并行文件存储；存储服务不属于第六条补贴范围',
    minQuantity: 1,
    maxQuantity: 10_000,
    status: 'listed',
  },
  {
    provider: 'vendor',
    title: '鹏云大模型 API · 通用对话',
    kind: 'ai_service',
    serviceKind: 'compute',
    gpuModel: null,
    gpuCount: null,
    unit: 'million_tokens',
    unitPriceFen: 8_00,
    region: null,
    description: '已完成生成式人工智能服务备案的通用大模型 API',
    minQuantity: 10,
    maxQuantity: 1_000_000,
    status: 'listed',
  },
  {
    provider: 'vendor',
    title: '鹏云 AI+制造 质检解决方案',
    kind: 'ai_service',
    serviceKind: 'compute',
    gpuModel: null,
    gpuCount: null,
    unit: 'project',
    unitPriceFen: 380_000_00,
    region: null,
    description: '视觉质检模型训练、部署与运维一体化方案',
    minQuantity: 1,
    maxQuantity: 5,
    status: 'listed',
  },
  {
    provider: 'vendor',
    title: '鹏云模型微调平台 · 包月',
    kind: 'ai_service',
    serviceKind: 'compute',
    gpuModel: 'NVIDIA A800 80GB',
    gpuCount: 4,
    unit: 'card_month',
    unitPriceFen: 10_500_00,
    region: '深圳南山',
    description: '托管微调平台，含 4 卡 A800',
    minQuantity: 1,
    maxQuantity: 64,
    status: 'listed',
  },
  {
    provider: 'pending',
    title: 'A100 包月（待审核供应商）',
    kind: 'compute',
    serviceKind: 'compute',
    gpuModel: 'NVIDIA A100 80GB',
    gpuCount: 1,
    unit: 'card_month',
    unitPriceFen: 7_900_00,
    region: '东莞',
    description: '供应商尚未通过审核，不在目录中展示',
    minQuantity: 1,
    maxQuantity: 64,
    status: 'listed',
  },
];

/** The district's budget for the year the demo runs in: 50,000,000 yuan. */
export const DEMO_FUND_BUDGET_FEN = 50_000_000_00;

/** Art. 10: the incubation space, the demo SME's lease, and the dedicated compute pool. */
export const demoIncubator = {
  space: { name: '南山区人工智能产业孵化空间（留仙洞）', address: '深圳市南山区西丽街道留仙洞总部基地' },
  tenancy: {
    enterprise: 'sme',
    unit: 'A-1203',
    areaCentiM2: 180_00,
    baseMonthlyRentFen: 27_000_00, // 180 m² × 150 yuan
    startDate: '2025-03-01',
  },
  pool: {
    name: '南山专属算力池 · 昇腾 910B',
    gpuModel: 'Huawei Ascend 910B',
    unit: 'gpu_hour',
    capacityUnits: 20_000,
    unitPriceFen: 10_00, // mirrors the bureau's pool price parameter (art10.poolPriceFenPerCardHour)
  },
  poolOffering: {
    provider: 'centre',
    title: '孵化空间专属算力池 · 昇腾 910B（仅限入驻企业）',
    description: '第十条专属算力池，按算力池价格结算，池容量由全部入驻企业共享',
    maxQuantity: 2_000,
  },
} as const;
