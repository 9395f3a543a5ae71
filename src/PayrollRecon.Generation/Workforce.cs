using System.Text;

namespace PayrollRecon.Generation;

/// <summary>Builds a site's workforce from a seeded generator: Chinese names, valid ID numbers and 19-digit wage cards.</summary>
internal static class Workforce
{
    private const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

    private const string GivenChars =
        "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰海波宁辉鹏飞斌宇浩凯俊峰林瑞欣春燕德福贵发富成忠义文武";

    // Administrative division codes of places many construction workers come from (Henan, Sichuan, Hunan, Anhui, Shandong, Guizhou).
    private static readonly string[] Regions =
    [
        "410302", "410305", "410322", "410323", "411623", "412726", "511025", "513030", "430524", "431122",
        "342422", "341221", "372925", "371726", "522126", "520221",
    ];

    // Card BINs of the big state banks' debit cards (ABC, ICBC, CCB, BOC, PSBC).
    private static readonly string[] CardPrefixes = ["622848", "622202", "621700", "621661", "621799"];

    public static SyntheticWorker[] Create(Random random, int count)
    {
        var workers = new SyntheticWorker[count];
        for (int i = 0; i < count; i++)
        {
            string name = Name(random);
            workers[i] = new SyntheticWorker(
                Encoding.UTF8.GetBytes(name),
                Encoding.ASCII.GetBytes(IdNumber(random)),
                Encoding.ASCII.GetBytes(Card(random)),
                random.Next(3_500, 12_001) * 100L + random.Next(0, 2) * 50);
        }
        return workers;
    }

    private static string Name(Random random)
    {
        var sb = new StringBuilder(3);
        sb.Append(Surnames[random.Next(Surnames.Length)]);
        int given = random.Next(10) < 7 ? 2 : 1;
        for (int k = 0; k < given; k++) sb.Append(GivenChars[random.Next(GivenChars.Length)]);
        return sb.ToString();
    }

    /// <summary>An 18-character GB 11643 number with a real birth date (1965–2004) and the MOD 11-2 check character.</summary>
    private static string IdNumber(Random random)
    {
        var birth = new DateOnly(1965, 1, 1).AddDays(random.Next(0, 40 * 365));
        string first17 = $"{Regions[random.Next(Regions.Length)]}{birth:yyyyMMdd}{random.Next(0, 1000):000}";
        return first17 + IdentityNumbers.CheckCharacter(first17);
    }

    /// <summary>A 19-digit card number with a valid Luhn check digit.</summary>
    private static string Card(Random random)
    {
        var digits = new StringBuilder(CardPrefixes[random.Next(CardPrefixes.Length)]);
        while (digits.Length < 18) digits.Append((char)('0' + random.Next(10)));
        string body = digits.ToString();
        return body + IdentityNumbers.LuhnDigit(body);
    }
}
