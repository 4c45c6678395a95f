package ai.persona.benchgen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;

/**
 * Input files in the released shapes, written by the tests (the real data is not copied into the project): two seed
 * personas, four common scenes with their capabilities; and a way to run the command and keep what it printed.
 */
final class Fixture {

    static final String SEEDS = """
            [{"Name": "王磊", "Demographics": {"Age": 30, "Gender": "男", "Nationality": "中国", "Language": ["中文"],
               "Career_Information": "杭州某电商公司的数据分析师"},
              "Personality": {"Extraversion_or_Introversion": "I", "Sensing_or_Intuition": "N",
               "Thinking_or_Feeling": "T", "Judging_or_Perceiving": "J", "Values_and_Interests": ["跑步", "桌游"]}},
             {"Name": "陈静", "Demographics": {"Age": 41, "Gender": "女", "Nationality": "中国", "Language": ["中文", "英文"],
               "Career_Information": "昆明一所中学的生物老师"},
              "Personality": {"Extraversion_or_Introversion": "E", "Sensing_or_Intuition": "S",
               "Thinking_or_Feeling": "F", "Judging_or_Perceiving": "J", "Values_and_Interests": ["观鸟", "烘焙"]}}]
            """;
    static final String SCENES = """
            {"行程规划": "根据用户偏好，提供定制化的旅行路线和景点推荐。",
             "会议安排": "帮助用户协调会议时间、发送邀请、生成会议纪要。",
             "健身计划": "根据用户的健身目标，制定个性化的运动计划和饮食建议。",
             "菜谱推荐": "根据用户口味和现有食材推荐菜谱。"}
            """;
    static final String SCENE_APIS = """
            {"行程规划：根据用户偏好，提供定制化的旅行路线和景点推荐。": ["导航和地图", "执行在线搜索"]}
            {"会议安排：帮助用户协调会议时间、发送邀请、生成会议纪要。": ["管理日历事件", " 发送电子邮件"]}
            {"健身计划：根据用户的健身目标，制定个性化的运动计划和饮食建议。": ["执行在线搜索"]}
            {"菜谱推荐：根据用户口味和现有食材推荐菜谱。": ["执行在线搜索"]}
            """;

    private Fixture() {
    }

    static Path data(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("personas.json"), SEEDS);
        Files.writeString(folder.resolve("scene_settings.json"), SCENES);
        Files.writeString(folder.resolve("scene_api_dict.json"), SCENE_APIS);
        return folder;
    }

    /** Runs the command with the scripted model for every stage. */
    static Result generate(ScriptedModel model, Path data, Path out, String... args) {
        List<String> all = new ArrayList<>(List.of("--data", data.toString(), "--out", out.toString(),
                "--llm-base-url", model.baseUrl(), "--llm-model", "scripted", "--llm-api-key", "test"));
        all.addAll(List.of(args));
        return run(GenerateCommand.commandLine(), all.toArray(String[]::new));
    }

    static Result run(Object command, String... args) {
        return run(new CommandLine(command), args);
    }

    static Result run(CommandLine line, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
        line.setOut(outWriter);
        line.setErr(errWriter);
        PrintStream previousOut = System.out;
        PrintStream previousErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = line.execute(args);
            outWriter.flush();
            errWriter.flush();
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(previousOut);
            System.setErr(previousErr);
        }
    }

    record Result(int exitCode, String out, String err) {
    }
}
