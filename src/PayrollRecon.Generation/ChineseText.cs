namespace PayrollRecon.Generation;

/// <summary>Tables of Chinese names, places and firm words for synthetic projects.</summary>
/// <remarks>No character sequence here may form a keyword of SPEC §3.2 (公司, 有限, 集团, 项目部, 中心, 银行, 厂, 商行,
/// 经营部, fee, refund, interest or cash words) inside a person's name, or a person would read as a firm.</remarks>
internal static class ChineseText
{
    public static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
        "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
        "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯",
        "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "汤",
    ];

    public const string GivenCharacters =
        "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志海波辉鹏林斌宇浩凯晨俊峰亮成东飞文福贵春生德荣" +
        "山水保忠新民永胜庆龙发祥宏光云泉友顺利进喜全根学才友富长满江河松柏青松安宁雪梅凤琴彩云秋菊小二三四五六" +
        "金银铁铜树森茂盛旺兴家兵红卫振铭立中正义仁孝礼智信德彬鑫磊淼焱垚";

    public static readonly string[] UyghurNames =
    [
        "买买提", "艾力", "阿卜杜拉", "热合曼", "吐尔逊", "阿依古丽", "古丽娜尔", "努尔", "依明", "肉孜", "帕提曼", "亚森", "艾山", "米吉提",
    ];

    public static readonly string[] Cities =
    [
        "洛阳", "郑州", "开封", "新乡", "南阳", "信阳", "周口", "驻马店", "商丘", "平顶山", "许昌", "漯河", "焦作", "安阳", "成都",
        "绵阳", "南充", "合肥", "阜阳", "长沙", "衡阳", "贵阳", "遵义", "武汉", "孝感", "南昌", "赣州", "兰州", "天水",
    ];

    public static readonly string[] Districts = ["涧西区", "西工区", "老城区", "洛龙区", "瀍河区", "高新区", "经开区", "新区"];

    public static readonly string[] ProjectKinds =
    [
        "安置房项目", "保障性住房项目", "棚户区改造项目", "人民医院门诊楼工程", "第一中学教学楼工程", "污水处理工程", "市政道路改造工程",
        "商业综合体项目", "产业园标准厂房工程", "滨河花园住宅小区项目", "体育中心工程", "职业技术学院实训楼工程",
    ];

    public static readonly string[] FirmWords =
    [
        "鸿达", "宏远", "恒信", "中豫", "华建", "金盾", "盛世", "永安", "顺达", "鑫源", "天成", "广厦", "荣昌", "聚力", "汇通",
        "泰和", "瑞丰", "合众", "兴业", "众邦", "博远", "嘉诚", "润泽", "东方", "长城", "新华", "建安", "宇通", "隆盛", "德信",
    ];

    public static readonly string[] LabourFirmSuffixes = ["劳务有限公司", "建筑劳务有限公司", "建筑劳务分包有限公司", "建设劳务有限公司"];

    public static readonly string[] ContractorSuffixes = ["建设集团有限公司", "建工集团有限公司", "建筑工程有限公司", "建设工程有限公司"];

    public static readonly string[] ClientSuffixes = ["置业有限公司", "城市建设投资有限公司", "房地产开发有限公司", "城乡建设发展有限公司"];

    public static readonly string[] SupplierSuffixes = ["建材有限公司", "商贸有限公司", "机械设备租赁有限公司", "混凝土有限公司"];

    public static readonly string[] Banks =
    [
        "中国建设银行股份有限公司{0}分行", "中国工商银行股份有限公司{0}分行", "中国农业银行股份有限公司{0}分行",
        "中国银行股份有限公司{0}分行", "{0}农村商业银行股份有限公司",
    ];

    public static readonly (string Team, string[] Trades)[] Teams =
    [
        ("钢筋班", ["钢筋工", "焊工"]),
        ("木工班", ["木工"]),
        ("混凝土班", ["混凝土工", "普工"]),
        ("架子班", ["架子工"]),
        ("泥瓦班", ["瓦工", "抹灰工"]),
        ("水电班", ["电工", "管道工"]),
        ("杂工班", ["普工"]),
        ("机械班", ["塔吊司机", "信号工", "施工升降机司机"]),
    ];

    public static readonly string[] StaffTrades = ["施工员", "安全员", "质检员", "材料员", "资料员"];
}
