namespace Bot.Tests.Unit.Scam;

/// <summary>A scam-signs.yaml in a temp file, built from a minimal valid file with one sign, for parser and source tests.</summary>
internal sealed class RulesFile : IDisposable
{
    public const string Wording = """
        wording:
          red: {zh-Hans: 红, zh-Hant: 紅, en: red}
          orange: {zh-Hans: 橙, zh-Hant: 橙, en: orange}
          green: {zh-Hans: 绿, zh-Hant: 綠, en: green}
          known-fraud: {zh-Hans: 诈骗号码, zh-Hant: 詐騙號碼, en: fraud number}
          known-official: {zh-Hans: 官方, zh-Hant: 官方, en: official}
          advice: {zh-Hans: 96110, zh-Hant: 96110, en: call 96110}
        """;

    public static readonly string ValidSign = """
          - id: safe-account
            family: safe-account
            weight: 6
            tip: police-safe-account
            patterns:
              zh-Hans: ['安全账户']
              zh-Hant: fold
              en: ['safe account']
            explain: {zh-Hans: 安全账户, zh-Hant: 安全帳戶, en: safe account}
        """ + "\n";

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"scam-signs-{Guid.NewGuid():N}.yaml");

    /// <summary>Writes a complete file: header (timeout, thresholds, fold, links, wording) and the given signs.</summary>
    public string Write(string signs, string header = "match_timeout_ms: 50\n")
    {
        File.WriteAllText(Path, header + """
            thresholds: {orange: 3, red: 6}
            traditional_fold: "帳账 戶户"
            links:
              shorteners: [t.cn]
              brands:
                - word: gov
                  real: [gov.cn]

            """ + Wording + "\nsigns:\n" + signs);
        return Path;
    }

    public void Dispose() => File.Delete(Path);
}
