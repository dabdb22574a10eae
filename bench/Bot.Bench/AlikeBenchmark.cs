using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bot.Worker.Scam;
using Microsoft.Data.Sqlite;

namespace Bot.Bench;

/// <summary>
/// "Reported alike" (issue 21) with 10,000 confirmed reports indexed. In this process: checks per second on one thread for
/// the 500-character message of <see cref="ScamBenchmark"/> with the index (rules + normalizing + MinHash + LSH lookup),
/// against the rules alone (baseline, same run), and the managed memory the index takes. Then the worker as users start
/// it (console mode, SQLite) with the same 10,000 rows in its database: its resident memory after it built the index
/// for a check, and the most it reached while watched.
/// </summary>
internal static class AlikeBenchmark
{
    public sealed record Result(
        int Reports, int Indexed, int Matches, double Checks, double Baseline, double IndexMb, double WorkerRssMb, double WorkerPeakMb, string WorkerVerdict);

    // Phrases scam scripts are built from (Simplified, Traditional and English), so the synthetic reports share words and
    // many 3-grams the way real scripts do; each script is a random run of them with its own numbers, ids and links.
    private static readonly string[] Phrases =
    [
        "您好，这里是市公安局刑侦支队", "你名下的银行卡涉嫌洗钱", "请把资金转入安全账户", "不要告诉任何人", "请下载办案APP并开启屏幕共享",
        "收到的验证码请告诉我", "您的快递丢失，我们为您办理理赔", "请添加理赔专员微信", "诚招兼职刷单，日结工资", "动动手指点赞就能赚钱",
        "导师带单，稳赚不赔", "年化收益百分之五十以上", "无抵押秒批放款，不看征信", "需先缴纳保证金和手续费", "高价收购闲置银行卡",
        "爸，我手机丢了，这是我的新号码", "急需交一笔住宿费，先转到这个卡上", "您的ETC卡已过期，请重新认证", "恭喜您被抽中为幸运用户", "请点击链接领取奖品",
        "您的积分即将清零，可兑换现金", "对方自称海关，说包裹里查出违禁品", "我是你们老板，马上给这个账户转账", "百万保障已开通，每月自动扣费", "如需取消请联系客服",
        "您好，這裡是警察局，您的帳戶涉嫌洗錢", "請立即將存款轉入監管帳戶", "偵查不公開，請勿告訴家人", "系統偵測到您的帳戶有異常交易", "請提供信用卡卡號和簡訊驗證碼",
        "加入我們的投資群組，老師每天報明牌", "保證獲利，兩個月翻倍", "免抵押快速貸款，當天撥款", "放款前需要先支付保證金", "您的包裹地址不完整，請更新",
        "your parcel is held at customs, pay the fee", "this is your bank's fraud team, confirm the code we sent", "you won a prize, click to claim it",
        "work from home, earn 500 a day liking videos", "your account will be suspended within 24 hours", "mum, I lost my phone, this is my new number",
        "guaranteed returns of 30 percent a month", "法院传票未领取，资产将被冻结", "你的社保卡异常，需要配合调查", "请在两小时内完成，否则后果自负",
        "客服电话", "详情见", "有疑问可以加QQ", "或者微信", "来电显示是我们的办公电话",
    ];

    private const string Message =
        "您好，这里是上海市公安局刑警大队，我是李警官，警号021345。你名下的一张银行卡涉嫌一起跨境洗钱案件，" +
        "检察院已经立案，如果你不配合调查，法院将冻结你名下的全部资产。现在需要你把卡里的资金转入我们指定的安全账户进行核查，" +
        "核查结束后会原路退回。为了你的安全，请下载我们的办案APP并开启屏幕共享，方便我们指导你操作。收到的验证码请告诉我。" +
        "本案属于保密案件，不要告诉任何人，包括你的家人，否则后果自负。请在两小时内完成，逾期将按照妨碍司法处理。" +
        "有疑问可以加QQ 2837465510 或者微信 zhao_jz8866 联系我，也可以访问 http://t.cn/A6xYz9Qp 或 etc-gov-cn.top 查看通缉令。" +
        "来电显示+86 021 6233 1110 是我们的办公电话。This is Officer Li from the Public Security Bureau, transfer your savings to a safe account now.";

    public static async Task<Result> RunAsync(string configuration, int reports, int iterations)
    {
        var rules = ScamRulesParser.Parse(Path.Combine(Repo.Root, "config", "scam-signs.yaml"));
        var known = KnownNumbersParser.Parse(Path.Combine(Repo.Root, "config", "known-numbers.yaml"));
        var text = Message.Length >= 500 ? Message[..500] : Message.PadRight(500, '。');
        var rows = Reports(reports, text).Select((r, i) => new ReportedAlikeRow(i + 1, AlikeText.Normalize(r, rules.Fold), 1_765_000_000_000 + i)).ToList();

        var before = Managed();
        var index = AlikeSnapshot.Build(1, rows, rules.Fold);
        var indexMb = (Managed() - before) / 1024.0 / 1024.0;
        var matches = index.Match(AlikeSignature.Of(AlikeText.Normalize(text, rules.Fold))!)?.Count ?? 0;

        var baseline = ScamBenchmark.Measure(iterations, () => ScamChecker.Check(text, rules, known).Signs.Count);
        var checks = ScamBenchmark.Measure(iterations, () =>
        {
            var alike = AlikeSignature.Of(AlikeText.Normalize(text, rules.Fold)) is { } s ? index.Match(s) : null;
            return ScamEvaluator.Evaluate(text, rules, known, TimeProvider.System, alike).Signs.Count;
        });
        GC.KeepAlive(index);

        var (rss, peak, verdict) = await WorkerAsync(configuration, rows, text);
        return new Result(reports, index.Count, matches, checks, baseline, indexMb, rss, peak, verdict);
    }

    /// <summary>
    /// <paramref name="count"/> confirmed reports: scripts of 6-14 phrases with their own numbers, ids and links, each sent
    /// in 20 variants (other numbers, a phrase swapped); ten of them are variants of <paramref name="message"/>.
    /// </summary>
    private static List<string> Reports(int count, string message)
    {
        var random = new Random(21);
        var result = new List<string>(count);
        for (var i = 0; i < 10; i++)
        {
            var cut = random.Next(0, 60);
            result.Add(message.Remove(cut, 20).Replace("2837465510", random.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }
        while (result.Count < count)
        {
            var script = Enumerable.Range(0, random.Next(6, 15)).Select(_ => Phrases[random.Next(Phrases.Length)]).ToArray();
            for (var v = 0; v < 20 && result.Count < count; v++)
            {
                var parts = (string[])script.Clone();
                parts[random.Next(parts.Length)] = Phrases[random.Next(Phrases.Length)];
                var s = new StringBuilder();
                foreach (var p in parts)
                {
                    s.Append(p).Append('，');
                    if (random.Next(4) == 0)
                    {
                        s.Append(random.Next(3) switch
                        {
                            0 => "1" + random.NextInt64(3_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture),
                            1 => "http://t.cn/" + random.Next().ToString("x", CultureInfo.InvariantCulture),
                            _ => "kf_" + random.Next(100, 9999).ToString(CultureInfo.InvariantCulture),
                        }).Append('。');
                    }
                }
                result.Add(s.ToString());
            }
        }
        return result;
    }

    /// <summary>The worker in console mode with <paramref name="rows"/> in reported_alike: checks <paramref name="text"/> once, then is watched for 10 s.</summary>
    private static async Task<(double RssMb, double PeakMb, string Verdict)> WorkerAsync(string configuration, List<ReportedAlikeRow> rows, string text)
    {
        var directory = Path.Combine(Path.GetTempPath(), "bot-alike-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "bot.db");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        info.ArgumentList.Add(Repo.WorkerDll(configuration));
        info.ArgumentList.Add("--Storage:ConnectionString=Data Source=" + database);
        info.ArgumentList.Add("--Logging:File:Path=");
        info.ArgumentList.Add("--Web:Enabled=false");
        using var process = Process.Start(info)!;
        var output = new List<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.Add(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await UntilAsync(() => Seen(output, "Console mode"), TimeSpan.FromSeconds(60));
            await using (var connection = new SqliteConnection("Data Source=" + database))
            {
                await connection.OpenAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO reported_alike (report_id, normalized, confirmed_at) VALUES ($id, $normalized, $at)";
                var id = insert.Parameters.Add("$id", SqliteType.Integer);
                var normalized = insert.Parameters.Add("$normalized", SqliteType.Text);
                var at = insert.Parameters.Add("$at", SqliteType.Integer);
                foreach (var row in rows)
                {
                    (id.Value, normalized.Value, at.Value) = (row.ReportId, row.Normalized, row.ConfirmedAt);
                    await insert.ExecuteNonQueryAsync();
                }
                var bump = connection.CreateCommand();
                bump.CommandText = "UPDATE reported_alike_version SET version = version + 1";
                await bump.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
            }
            SqliteConnection.ClearAllPools();
            await process.StandardInput.WriteLineAsync(text);
            await process.StandardInput.FlushAsync();
            await UntilAsync(() => Seen(output, "🔴") || Seen(output, "🟠") || Seen(output, "🟢"), TimeSpan.FromSeconds(60));
            var verdict = Verdict(output);
            var rss = RssKb(process.Id) / 1024.0;
            var peak = rss;
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                peak = Math.Max(peak, RssKb(process.Id) / 1024.0);
            }
            return (rss, peak, verdict);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static bool Seen(List<string> output, string text)
    {
        lock (output)
        {
            return output.Any(l => l.Contains(text, StringComparison.Ordinal));
        }
    }

    /// <summary>The verdict's first line and its "reported alike" line, as the worker printed them.</summary>
    private static string Verdict(List<string> output)
    {
        lock (output)
        {
            var first = output.FindIndex(l => l.Contains("🔴", StringComparison.Ordinal) || l.Contains("🟠", StringComparison.Ordinal) || l.Contains("🟢", StringComparison.Ordinal));
            return string.Join(" | ", output.Skip(first).Take(2).Select(l => l.Trim()));
        }
    }

    private static async Task UntilAsync(Func<bool> condition, TimeSpan within)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > within)
            {
                throw new TimeoutException("the worker did not answer in time");
            }
            await Task.Delay(50);
        }
    }

    private static long Managed()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static long RssKb(int pid) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

}
