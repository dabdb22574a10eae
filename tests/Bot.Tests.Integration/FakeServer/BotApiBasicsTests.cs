using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Bot.Tests.Integration.FakeServer;

public sealed class BotApiBasicsTests : FakeServerTest
{
    [Fact]
    public async Task GetMe_returns_the_fake_bot()
    {
        var me = await Bot.GetMe();

        Assert.Equal(Server.BotId, me.Id);
        Assert.True(me.IsBot);
        Assert.Equal("fake_antifraud_bot", me.Username);
        Assert.Equal("Fake Anti-Fraud Bot", me.FirstName);
    }

    [Fact]
    public void Base_url_is_loopback_with_a_real_port()
    {
        var uri = new Uri(Server.BaseUrl);

        Assert.Equal("127.0.0.1", uri.Host);
        Assert.NotEqual(0, uri.Port);
        Assert.Equal(123456789, Server.BotId);
    }

    [Fact]
    public async Task Wrong_token_is_unauthorized()
    {
        using var response = await Http.PostAsync($"{Server.BaseUrl}/bot123456789:AAWrongToken/getMe", null);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(body["ok"]!.GetValue<bool>());
        Assert.Equal(401, body["error_code"]!.GetValue<int>());
        Assert.Equal("Unauthorized", body["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Wrong_token_reaches_the_client_as_error_401()
    {
        var wrong = new TelegramBotClient(new TelegramBotClientOptions("123456789:AAWrongTokenWrongTokenWrongToken", Server.BaseUrl), Http);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => wrong.GetMe());

        Assert.Equal(401, error.ErrorCode);
    }

    [Fact]
    public async Task Unknown_method_is_not_found()
    {
        using var response = await Http.PostAsync($"{Server.BaseUrl}/bot{Server.Token}/sendTelepathy", null);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, body["error_code"]!.GetValue<int>());
        Assert.Equal("Not Found: method not found", body["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Method_names_are_case_insensitive_and_query_parameters_work()
    {
        using var response = await Http.GetAsync($"{Server.BaseUrl}/bot{Server.Token}/SENDMESSAGE?chat_id=42&text=hi");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(Server.SentTo(42));
        Assert.Equal("hi", sent.Text);
    }

    [Fact]
    public async Task Form_parameters_work_and_json_strings_inside_them_are_parsed()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["chat_id"] = "42",
            ["text"] = "<b>hi</b>",
            ["parse_mode"] = "HTML",
            ["reply_markup"] = """{"inline_keyboard":[[{"text":"Yes","callback_data":"y"}]]}""",
        });

        using var response = await Http.PostAsync($"{Server.BaseUrl}/bot{Server.Token}/sendMessage", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(Server.SentTo(42));
        Assert.Equal("hi", sent.VisibleText);
        Assert.Equal(["y"], sent.ButtonData);
    }

    [Fact]
    public async Task Chunked_json_body_is_read()
    {
        var json = """{"chat_id":7,"text":"chunked"}""";
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Server.BaseUrl}/bot{Server.Token}/sendMessage") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("chunked", Assert.Single(Server.SentTo(7)).Text);
    }

    [Fact]
    public async Task Every_call_is_recorded_with_its_status_including_failures()
    {
        await Bot.GetMe();
        await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(5, string.Empty));

        var calls = Server.Calls;

        Assert.Equal(["getMe", "sendMessage"], calls.Select(c => c.Method));
        Assert.Equal([200, 400], calls.Select(c => c.StatusCode));
        Assert.Equal("Bad Request: message text is empty", calls[1].ErrorDescription);
        Assert.Equal(5, calls[1].ChatId);
    }
}
