using System.Text;

using PayrollRecon.Parsing;

namespace PayrollRecon.Benchmarks.Inputs;

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

    private static ReadOnlySpan<byte> Weights => [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

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
        int sum = 0;
        for (int k = 0; k < 17; k++) sum += (first17[k] - '0') * Weights[k];
        string id = first17 + "10X98765432"[sum % 11];

        // The engine flags invalid ids; the benchmark data must not exercise that path by accident.
        if (!IdNumbers.IsValid(id, new DateOnly(2030, 1, 1))) throw new InvalidOperationException($"generated an invalid id number {id}");
        return id;
    }

    /// <summary>A 19-digit card number with a valid Luhn check digit.</summary>
    private static string Card(Random random)
    {
        var digits = new StringBuilder(CardPrefixes[random.Next(CardPrefixes.Length)]);
        while (digits.Length < 18) digits.Append((char)('0' + random.Next(10)));
        int sum = 0;
        for (int k = 0; k < 18; k++)
        {
            // Luhn doubles every second digit counting from the one left of the check digit.
            int d = digits[17 - k] - '0';
            if (k % 2 == 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        digits.Append((char)('0' + (10 - sum % 10) % 10));
        return digits.ToString();
    }
}
