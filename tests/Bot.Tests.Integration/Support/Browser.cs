using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Bot.Tests.Integration.Support;

/// <summary>
/// A real headless Chromium from Debian's packages, driven through /usr/bin/chromedriver. Nothing is
/// downloaded: the driver and browser paths are given, so Selenium Manager never runs.
/// </summary>
internal sealed class Browser : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly string _profile;

    private Browser(ChromeDriver driver, string profile)
    {
        Driver = driver;
        _profile = profile;
    }

    public ChromeDriver Driver { get; }

    public string Url => Driver.Url;

    /// <summary>A new browser; <paramref name="acceptInsecureCertificates"/> for a test's own self-signed TLS certificate.</summary>
    public static Browser Start(bool acceptInsecureCertificates = false)
    {
        if (!File.Exists(ChromiumPath) || !File.Exists(DriverPath))
        {
            throw new InvalidOperationException(
                $"Headless Chromium is missing ({ChromiumPath}, {DriverPath}): install the Debian packages with apt-get install -y chromium chromium-driver");
        }
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var profile = RepoPaths.NewTempDirectory("chromium-profile");
        var options = new ChromeOptions { BinaryLocation = ChromiumPath, AcceptInsecureCertificates = acceptInsecureCertificates };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run", $"--user-data-dir={profile}", "--window-size=1280,1000");
        return new Browser(new ChromeDriver(service, options, TimeSpan.FromSeconds(60)), profile);
    }

    public void Open(Uri url) => Driver.Navigate().GoToUrl(url);

    /// <summary>Waits until an element matching <paramref name="css"/> exists and its text satisfies <paramref name="condition"/>; returns the text.</summary>
    public string WaitForText(string css, Func<string, bool> condition, TimeSpan? timeout = null)
    {
        string? last = null;
        try
        {
            return new WebDriverWait(Driver, timeout ?? Wait).Until(d =>
            {
                try
                {
                    var elements = d.FindElements(By.CssSelector(css));
                    last = elements.Count == 0 ? null : elements[0].Text;
                    return last is not null && condition(last) ? last : null;
                }
                catch (StaleElementReferenceException)
                {
                    return null; // The page replaced it (a refresh): look again.
                }
            });
        }
        catch (WebDriverTimeoutException)
        {
            throw new TimeoutException($"'{css}' on {Driver.Url} showed {(last is null ? "nothing" : $"'{last}'")}; page text: {Driver.FindElement(By.TagName("body")).Text}");
        }
    }

    public string Text(string css) => Driver.FindElement(By.CssSelector(css)).Text;

    public void Click(string css) => Driver.FindElement(By.CssSelector(css)).Click();

    public Cookie? Cookie(string name) => Driver.Manage().Cookies.GetCookieNamed(name);

    /// <summary>Saves a PNG of the page beside the test results (bin/.../screenshots).</summary>
    public void Screenshot(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        // The same page is shot on both providers: write aside, then rename over, so two runs never share an open file.
        var aside = Path.Combine(directory, $"{name}.{Guid.NewGuid():N}.tmp");
        Driver.GetScreenshot().SaveAsFile(aside);
        File.Move(aside, Path.Combine(directory, name + ".png"), overwrite: true);
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: Chromium may still be closing files.
        }
    }
}
