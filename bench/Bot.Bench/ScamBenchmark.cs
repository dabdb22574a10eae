using System.Diagnostics;
using System.Text.RegularExpressions;
using Bot.Worker.Scam;

namespace Bot.Bench;

/// <summary>
/// Scam checks per second on one thread for a ~500-character message with the shipped rules, against a
/// plain string.Contains (ordinal) scan of the rules' literal keywords over the same text (baseline, same run);
/// then the slowest of a few 4,096-character checks, and a check with a catastrophic rule added.
/// </summary>
internal static class ScamBenchmark
{
    public sealed record Result(int Length, int Signs, int Keywords, double Checks, double Baseline, double Worst4096Ms, double HostileMs, string Level);

    private const string Message =
        "您好，这里是上海市公安局刑警大队，我是李警官，警号021345。你名下的一张银行卡涉嫌一起跨境洗钱案件，" +
        "检察院已经立案，如果你不配合调查，法院将冻结你名下的全部资产。现在需要你把卡里的资金转入我们指定的安全账户进行核查，" +
        "核查结束后会原路退回。为了你的安全，请下载我们的办案APP并开启屏幕共享，方便我们指导你操作。收到的验证码请告诉我。" +
        "本案属于保密案件，不要告诉任何人，包括你的家人，否则后果自负。请在两小时内完成，逾期将按照妨碍司法处理。" +
        "有疑问可以加QQ 2837465510 或者微信 zhao_jz8866 联系我，也可以访问 http://t.cn/A6xYz9Qp 或 etc-gov-cn.top 查看通缉令。" +
        "来电显示+86 021 6233 1110 是我们的办公电话。This is Officer Li from the Public Security Bureau, transfer your savings to a safe account now.";

    public static Result Run(int iterations)
    {
        var rules = ScamRulesParser.Parse(Path.Combine(Repo.Root, "config", "scam-signs.yaml"));
        var known = KnownNumbersParser.Parse(Path.Combine(Repo.Root, "config", "known-numbers.yaml"));
        var text = Message.Length >= 500 ? Message[..500] : Message.PadRight(500, '。');
        var keywords = Keywords(rules);

        var checks = Measure(iterations, () => ScamChecker.Check(text, rules, known).Score);
        var baseline = Measure(iterations, () => keywords.Count(k => text.Contains(k, StringComparison.Ordinal)));

        var long4096 = string.Concat(Enumerable.Repeat(text, 9))[..4096];
        var worst = Enumerable.Range(0, 20).Max(_ => Time(() => ScamChecker.Check(long4096, rules, known)));
        var hostileRules = rules with
        {
            Signs = [.. rules.Signs, rules.Signs[0] with { Id = "hostile", Pattern = new Regex("(a+)+$", RegexOptions.None, TimeSpan.FromMilliseconds(100)) }],
        };
        var hostileText = new string('a', 4095) + "!";
        var hostile = Time(() => ScamChecker.Check(hostileText, hostileRules, known));
        return new Result(text.Length, rules.Signs.Count, keywords.Count, checks, baseline, worst, hostile, ScamChecker.Check(text, rules, known).Level.ToString());
    }

    /// <summary>The literal alternatives of the rules' patterns (the pieces without regex syntax): what a keyword scan would look for.</summary>
    private static List<string> Keywords(ScamRules rules) =>
        rules.Signs.Where(s => s.Pattern is not null)
            .SelectMany(s => s.Pattern!.ToString().Split('|', '(', ')', '?', ':'))
            .Select(p => p.Trim())
            .Where(p => p.Length >= 2 && !p.Any(c => "\\[]{}.*+^$".Contains(c, StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Calls per second on this thread: best of three timed rounds after a warm-up.</summary>
    internal static double Measure(int iterations, Func<int> call)
    {
        var sink = 0;
        for (var i = 0; i < iterations / 4; i++)
        {
            sink += call();
        }
        var best = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++)
            {
                sink += call();
            }
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        GC.KeepAlive(sink);
        return iterations / best;
    }
}
