using System.Globalization;
using Bot.Bench;

// dotnet run -c Release --project bench/Bot.Bench -- [dispatch|metrics|pacing|render|reminders|broadcast|idle|idle-channels|email|scam|scam-alike|batch|all|cluster-reminders|paid-broadcast] [--provider sqlite|postgres|both]
var which = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
var providers = BenchStorage.Parse(args);
var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
var culture = CultureInfo.InvariantCulture;
Console.WriteLine($"# Benchmarks ({configuration}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd})");

if (which is "dispatch" or "all")
{
    const int messages = 5000;
    foreach (var provider in providers)
    {
        await using var storage = await BenchStorage.CreateAsync(provider);
        var (baseline, dispatcher, afterCommit) = await DispatchBenchmark.RunAsync(messages, storage);
        Console.WriteLine(string.Create(culture, $"dispatch: {messages} messages, rate limits off, {storage.Name}, median of {DispatchBenchmark.Rounds} interleaved rounds"));
        Console.WriteLine(string.Create(culture, $"  plain SendMessage loop : {baseline,8:F0} msg/s (baseline)"));
        Console.WriteLine(string.Create(culture, $"  enqueue + dispatcher   : {dispatcher,8:F0} msg/s  ratio {dispatcher / baseline:F2}x"));
        Console.WriteLine(string.Create(culture, $"  dispatcher from commit : {afterCommit,8:F0} msg/s  ratio {afterCommit / baseline:F2}x   (goal >= {(storage.Name == "SQLite" ? "0.50" : "0.80")}x)"));
    }
}

if (which is "metrics" or "all")
{
    // Long enough for about 5 scrapes per measured run: a 1 s run swings by +-15 % on this machine.
    const int messages = 20_000;
    const int rounds = 5;
    foreach (var provider in providers)
    {
        await using var storage = await BenchStorage.CreateAsync(provider);
        var (off, on, scrapes, each) = await MetricsBenchmark.RunAsync(messages, rounds, storage);
        Console.WriteLine(string.Create(culture, $"metrics: dispatch of {messages} messages, rate limits off, {storage.Name}, median of {rounds} interleaved rounds"));
        Console.WriteLine(string.Create(culture, $"  Web:Enabled=false (no listener) : {off,8:F0} msg/s (baseline)"));
        Console.WriteLine(string.Create(culture, $"  Web:Enabled=true, /metrics 1/s : {on,8:F0} msg/s ({scrapes} scrapes)"));
        Console.WriteLine(string.Create(culture, $"  ratio                           : {on / off,8:F3}x   (goal >= 0.95x)"));
        Console.WriteLine($"  each round, off/on msg/s        : {each}");
    }
}

if (which is "pacing" or "all")
{
    const int messages = 1000;
    const int limit = 25;
    var (rate, max, elapsed) = await PacingBenchmark.RunAsync(messages, limit);
    Console.WriteLine(string.Create(culture, $"pacing: {messages} messages, Delivery:GlobalRatePerSecond={limit}"));
    Console.WriteLine(string.Create(culture, $"  achieved rate          : {rate,8:F2} msg/s over {elapsed.TotalSeconds:F1} s"));
    Console.WriteLine(string.Create(culture, $"  ratio to the limit     : {rate / limit,8:F3}x   (goal >= 0.95x)"));
    Console.WriteLine(string.Create(culture, $"  most in any 1 s window : {max,8}      (goal <= {limit})"));
}

if (which is "render" or "all")
{
    Console.WriteLine("render: 20,000 renders per measurement, best of 3 rounds");
    foreach (var (name, language) in new[] { ("welcome", "en"), ("awareness-tip", "zh-Hans"), ("mydata", "en") })
    {
        var r = RenderBenchmark.Run(name, language, 20_000);
        Console.WriteLine(string.Create(culture, $"  {r.Template,-22} raw Scriban {r.Raw,8:F0}/s | sandboxed {r.Sandboxed,8:F0}/s ({r.Sandboxed / r.Raw:F2}x, goal >= 0.80x)"));
        Console.WriteLine(string.Create(culture, $"  {"",-22} raw, builtins shared {r.RawSharedBuiltins,8:F0}/s | sandboxed {r.Sandboxed / r.RawSharedBuiltins:F2}x of that"));
        Console.WriteLine(string.Create(culture, $"  {"",-22} parse+render {r.ParseAndRender,7:F0}/s | cached {r.Sandboxed,8:F0}/s ({r.Sandboxed / r.ParseAndRender:F2}x, goal >= 1.50x) | with model building {r.Full,8:F0}/s"));
    }
}

if (which is "scam" or "all")
{
    const int goal = 2000;
    var r = ScamBenchmark.Run(20_000);
    Console.WriteLine(string.Create(culture, $"scam: one thread, a {r.Length}-character message (verdict {r.Level}), shipped rules: {r.Signs} signs"));
    Console.WriteLine(string.Create(culture, $"  Contains scan of {r.Keywords} keywords : {r.Baseline,9:F0} scans/s (baseline)"));
    Console.WriteLine(string.Create(culture, $"  ScamChecker.Check           : {r.Checks,9:F0} checks/s ({r.Checks / r.Baseline:F2}x the baseline; {r.Checks / goal:F2}x the goal of {goal}/s)"));
    Console.WriteLine(string.Create(culture, $"  4,096 characters, slowest of 20 : {r.Worst4096Ms,6:F1} ms   (goal < 1000 ms)"));
    Console.WriteLine(string.Create(culture, $"  with a catastrophic rule (a+)+$ : {r.HostileMs,6:F1} ms   (goal < 1000 ms; the rule times out)"));
}

if (which is "scam-alike" or "all")
{
    const int goal = 2000;
    var r = await AlikeBenchmark.RunAsync(configuration, 10_000, 20_000);
    Console.WriteLine(string.Create(culture, $"scam-alike: {r.Reports} confirmed reports ({r.Indexed} indexed), one thread, the 500-character message of scam (like {r.Matches} of them)"));
    Console.WriteLine(string.Create(culture, $"  rules alone                 : {r.Baseline,9:F0} checks/s (baseline)"));
    Console.WriteLine(string.Create(culture, $"  rules + reported alike      : {r.Checks,9:F0} checks/s ({r.Checks / r.Baseline:F2}x the baseline; {r.Checks / goal:F2}x the goal of {goal}/s)"));
    Console.WriteLine(string.Create(culture, $"  index in memory (managed)   : {r.IndexMb,9:F1} MB"));
    Console.WriteLine(string.Create(culture, $"  worker, console mode, SQLite: {r.WorkerRssMb,9:F1} MB resident after the check, most in 10 s {r.WorkerPeakMb:F1} MB (goal < 200 MB)"));
    Console.WriteLine($"  its verdict                 : {r.WorkerVerdict}");
}

if (which is "batch" or "all")
{
    foreach (var provider in providers)
    {
        await using var storage = await BenchStorage.CreateAsync(provider);
        var r = await BatchBenchmark.RunAsync(100_000, storage);
        Console.WriteLine(string.Create(culture, $"batch: {r.Rows} rows of XLSX ({r.FileKb} KB; half phone numbers, half QQ), import through the console's use case on {storage.Name}"));
        Console.WriteLine(string.Create(culture, $"  MiniExcel read alone     : {r.Read.TotalSeconds,8:F2} s (baseline)"));
        Console.WriteLine(string.Create(culture, $"  import (read, check, save): {r.Import.TotalSeconds,8:F2} s  ({r.Import / r.Read:F1}x the baseline; goal < 10 s)"));
        Console.WriteLine(string.Create(culture, $"  resident memory          : {r.RssBeforeMb,8:F0} MB before, peak {r.PeakRssMb:F0} MB (goal < 300 MB)"));
        Console.WriteLine(string.Create(culture, $"  MiniExcel write alone    : {r.Write.TotalSeconds,8:F2} s (baseline)"));
        Console.WriteLine(string.Create(culture, $"  export XLSX              : {r.ExportXlsx.TotalSeconds,8:F2} s  ({r.ExportXlsx / r.Write:F1}x the baseline; goal < 5 s)"));
        Console.WriteLine(string.Create(culture, $"  export CSV               : {r.ExportCsv.TotalSeconds,8:F2} s  (goal < 5 s)"));
    }
}

if (which is "reminders" or "all")
{
    foreach (var provider in providers)
    {
        await using var storage = await BenchStorage.CreateAsync(provider);
        var r = await ReminderBenchmark.RunAsync(1000, storage);
        Console.WriteLine(string.Create(culture, $"reminders: {r.Count} deadline reminders due in the same minute, Quartz on {storage.Name}, rate limits off"));
        Console.WriteLine(string.Create(culture, $"  start-up incl. planning : {r.Planning.TotalSeconds,8:F1} s"));
        Console.WriteLine(string.Create(culture, $"  lateness p50           : {r.P50.TotalMilliseconds,8:F0} ms"));
        Console.WriteLine(string.Create(culture, $"  lateness p99           : {r.P99.TotalMilliseconds,8:F0} ms   (goal < 1000 ms)"));
        Console.WriteLine(string.Create(culture, $"  lateness max           : {r.Max.TotalMilliseconds,8:F0} ms"));
    }
}

if (which is "cluster-reminders")
{
    // Not part of "all": it starts worker processes and takes about 10 minutes.
    foreach (var nodes in new[] { 1, 3 })
    {
        var r = await ClusterReminderBenchmark.RunAsync(nodes, 3000);
        Console.WriteLine(string.Create(culture, $"cluster-reminders: {r.Count} deadline reminders due in the same minute, {nodes} worker process(es) on PostgreSQL, rate limits off"));
        Console.WriteLine(string.Create(culture, $"  lateness p50           : {r.P50.TotalMilliseconds,8:F0} ms"));
        Console.WriteLine(string.Create(culture, $"  lateness p99           : {r.P99.TotalMilliseconds,8:F0} ms"));
        Console.WriteLine(string.Create(culture, $"  lateness max           : {r.Max.TotalMilliseconds,8:F0} ms"));
        Console.WriteLine(string.Create(culture, $"  firings seen, by node  : {string.Join(", ", r.FiredBy.Select(p => $"{p.Key} {p.Value}"))}"));
    }
}

if (which is "broadcast" or "all")
{
    foreach (var provider in providers)
    {
        await using var storage = await BenchStorage.CreateAsync(provider);
        var r = await BroadcastBenchmark.RunAsync(100_000, storage);
        Console.WriteLine(string.Create(culture, $"broadcast: {r.Subscribers} subscribers of tips on {storage.Name}, awareness-tip with rotation"));
        Console.WriteLine(string.Create(culture, $"  enqueue                : {r.Enqueue.TotalSeconds,8:F1} s      (goal <= 10 s)"));
        Console.WriteLine(string.Create(culture, $"  resident memory        : {r.RssBeforeMb,8:F0} MB before, peak {r.PeakRssMb:F0} MB (goal < 300 MB)"));
        Console.WriteLine(string.Create(culture, $"  plain SendMessage loop : {r.PlainLoop,8:F0} msg/s (baseline)"));
        Console.WriteLine(string.Create(culture, $"  drain, rate limits off : {r.Drain,8:F0} msg/s  ({r.Drain / r.PlainLoop:F2}x, goal >= 0.50x)"));
    }
}

if (which is "paid-broadcast")
{
    // Not part of "all": it enqueues a million rows per provider and drains for two minutes (BENCH_SUBSCRIBERS, BENCH_DRAIN_SECONDS).
    var subscribers = int.Parse(Environment.GetEnvironmentVariable("BENCH_SUBSCRIBERS") ?? "1000000", culture);
    var drain = TimeSpan.FromSeconds(int.Parse(Environment.GetEnvironmentVariable("BENCH_DRAIN_SECONDS") ?? "120", culture));
    foreach (var provider in providers)
    {
        await using var storage = await BenchStorage.CreateAsync(provider);
        var r = await PaidBroadcastBenchmark.RunAsync(subscribers, drain, storage);
        Console.WriteLine(string.Create(culture, $"paid-broadcast: one alert to {r.Subscribers:N0} subscribers on {storage.Name}, three languages, no tip rotation"));
        Console.WriteLine(string.Create(culture, $"  enqueue                 : {r.Enqueue.TotalSeconds,8:F1} s      (goal < 60 s)"));
        Console.WriteLine(string.Create(culture, $"  resident memory         : {r.RssBeforeMb,8:F0} MB before, peak {r.PeakRssMb:F0} MB (goal < 300 MB)"));
        Console.WriteLine(string.Create(culture, $"  paid drain, {drain.TotalSeconds:F0} s (worker process, fake server at {PaidBroadcastBenchmark.PaidLimit}/s paid)"));
        Console.WriteLine(string.Create(culture, $"    sustained rate        : {r.Rate,8:F0} msg/s ({r.Sent:N0} sent; goal >= 950)"));
        Console.WriteLine(string.Create(culture, $"    busiest second        : {r.Busiest,8}      (goal <= {PaidBroadcastBenchmark.PaidLimit}); 429 answers: {r.TooMany} (goal 0)"));
        Console.WriteLine(string.Create(culture, $"    worker memory         : {r.FirstMinuteMaxMb,8:F0} MB most in the first minute, {r.MaxMb:F0} MB most overall (goal: +{r.MaxMb - r.FirstMinuteMaxMb:F0} MB < 30 MB)"));
        Console.WriteLine(string.Create(culture, $"    worker CPU            : {r.CpuMicrosPerMessage,8:F0} us per message"));
        Console.WriteLine(string.Create(culture, $"    /start during drain   : {r.StartsAnswered} of {r.StartsSent} answered, p50 {r.StartP50.TotalMilliseconds:F0} ms, p99 {r.StartP99.TotalMilliseconds:F0} ms (goal < 1000 ms)"));
    }
}

if (which is "idle" or "all")
{
    // BENCH_IDLE_SECONDS: how long to watch after the first 10 s (default 20; the recorded figure used 600).
    var seconds = int.Parse(Environment.GetEnvironmentVariable("BENCH_IDLE_SECONDS") ?? "20", culture);
    var (rss, peak, cpu) = await IdleBenchmark.RunAsync(configuration, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(seconds));
    Console.WriteLine(string.Create(culture, $"idle: console mode, SQLite, 10 s after start, then {seconds} s watched"));
    Console.WriteLine(string.Create(culture, $"  resident memory at 10 s : {rss,8:F1} MB   (goal < 150 MB)"));
    Console.WriteLine(string.Create(culture, $"  most while watched      : {peak,8:F1} MB   (goal < 150 MB)"));
    Console.WriteLine(string.Create(culture, $"  CPU while idle          : {cpu,8:F2} %"));
}

if (which is "idle-channels" or "all")
{
    // Two group robots (WeCom; DingTalk, signed) and an SMTP server configured; nothing is sent while idle.
    var seconds = int.Parse(Environment.GetEnvironmentVariable("BENCH_IDLE_SECONDS") ?? "20", culture);
    var (rss, peak, cpu) = await IdleBenchmark.RunAsync(configuration, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(seconds),
        "--Channels:Robots:bench-wecom:Kind=WeCom", "--Channels:Robots:bench-wecom:Url=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=00000000-0000-0000-0000-000000000000",
        "--Channels:Robots:bench-dingtalk:Kind=DingTalk", "--Channels:Robots:bench-dingtalk:Url=https://oapi.dingtalk.com/robot/send?access_token=0000",
        "--Channels:Robots:bench-dingtalk:Secret=SEC0000", "--Email:Host=127.0.0.1", "--Email:Port=2525", "--Email:Security=None", "--Email:From=bot@example.cn");
    Console.WriteLine(string.Create(culture, $"idle-channels: console mode, SQLite, two robots and an SMTP server configured, 10 s after start, then {seconds} s watched"));
    Console.WriteLine(string.Create(culture, $"  resident memory at 10 s : {rss,8:F1} MB   (goal < 150 MB)"));
    Console.WriteLine(string.Create(culture, $"  most while watched      : {peak,8:F1} MB   (goal < 150 MB)"));
    Console.WriteLine(string.Create(culture, $"  CPU while idle          : {cpu,8:F2} %"));
}

if (which is "email" or "all")
{
    var messages = int.Parse(Environment.GetEnvironmentVariable("BENCH_EMAILS") ?? "1000", culture);
    foreach (var provider in providers)
    {
        await using var storage = await BenchStorage.CreateAsync(provider);
        var (baseline, outbox) = await EmailBenchmark.RunAsync(messages, storage);
        Console.WriteLine(string.Create(culture, $"email: {messages} emails to an SMTP server on loopback, {storage.Name}, median of {EmailBenchmark.Rounds} interleaved rounds"));
        Console.WriteLine(string.Create(culture, $"  plain MailKit loop, one connection : {baseline,8:F0} emails/s (baseline)"));
        Console.WriteLine(string.Create(culture, $"  enqueue + outbox + email channel  : {outbox,8:F0} emails/s  ratio {outbox / baseline:F2}x   (goal >= 0.80x)"));
    }
}
