/* test_lang.c - tests of lib/text/lang.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "text/lang.h"

static const char *detect(const char *s)
{
	return ue_lang_detect(s, strlen(s));
}

static const struct {
	const char *lang;
	const char *text;
} samples[] = {
	{"en", "The president said on Tuesday that the government would not "
	       "raise taxes this year, despite warnings from economists who "
	       "have argued that the deficit is growing faster than expected. "
	       "Officials at the Treasury declined to comment."},
	{"fr", "Le président a déclaré mardi que le gouvernement n'augmenterait "
	       "pas les impôts cette année, malgré les avertissements des "
	       "économistes qui estiment que le déficit se creuse plus vite que "
	       "prévu. Les responsables du ministère n'ont pas souhaité "
	       "commenter."},
	{"de", "Der Präsident sagte am Dienstag, die Regierung werde die Steuern "
	       "in diesem Jahr nicht erhöhen, obwohl Ökonomen davor warnen, dass "
	       "das Defizit schneller wächst als erwartet. Ein Sprecher des "
	       "Ministeriums wollte sich nicht dazu äußern."},
	{"es", "El presidente dijo el martes que el gobierno no subirá los "
	       "impuestos este año, a pesar de las advertencias de los "
	       "economistas, que sostienen que el déficit crece más rápido de lo "
	       "previsto. Los responsables del ministerio no quisieron hacer "
	       "comentarios."},
	{"it", "Il presidente ha detto martedì che il governo non aumenterà le "
	       "tasse quest'anno, nonostante gli avvertimenti degli economisti "
	       "secondo cui il deficit cresce più velocemente del previsto. I "
	       "responsabili del ministero non hanno voluto commentare."},
	{"pt", "O presidente disse na terça-feira que o governo não vai aumentar "
	       "os impostos este ano, apesar dos alertas dos economistas, que "
	       "afirmam que o défice está a crescer mais depressa do que o "
	       "previsto. Os responsáveis do ministério não quiseram comentar."},
	{"nl", "De president zei dinsdag dat de regering de belastingen dit jaar "
	       "niet zal verhogen, ondanks waarschuwingen van economen die "
	       "stellen dat het tekort sneller groeit dan verwacht. Een "
	       "woordvoerder van het ministerie wilde niet reageren."},
	{"pl", "Prezydent powiedział we wtorek, że rząd nie podniesie w tym roku "
	       "podatków, mimo ostrzeżeń ekonomistów, którzy twierdzą, że "
	       "deficyt rośnie szybciej, niż zakładano. Przedstawiciele "
	       "ministerstwa odmówili komentarza."},
	{"cs", "Prezident v úterý řekl, že vláda letos nezvýší daně, a to i přes "
	       "varování ekonomů, podle kterých schodek roste rychleji, než se "
	       "čekalo. Mluvčí ministerstva to odmítl komentovat, protože jde o "
	       "citlivou věc, která je ještě v jednání."},
	{"sk", "Prezident v utorok povedal, že vláda tento rok nezvýši dane, a to "
	       "aj napriek varovaniam ekonómov, podľa ktorých deficit rastie "
	       "rýchlejšie, ako sa čakalo. Hovorca ministerstva to odmietol "
	       "komentovať, pretože ide o citlivú vec, ktorá je ešte v "
	       "rokovaní."},
	{"sv", "Presidenten sade på tisdagen att regeringen inte kommer att höja "
	       "skatterna i år, trots varningar från ekonomer som menar att "
	       "underskottet växer snabbare än väntat. En talesperson för "
	       "departementet ville inte kommentera uppgifterna."},
	{"da", "Præsidenten sagde tirsdag, at regeringen ikke vil hæve skatterne "
	       "i år, selv om økonomer advarer om, at underskuddet vokser "
	       "hurtigere end ventet. En talsmand for ministeriet ville ikke "
	       "kommentere oplysningerne, og han sagde at det var for tidligt."},
	{"no", "Presidenten sa tirsdag at regjeringen ikke vil øke skattene i år, "
	       "selv om økonomer advarer om at underskuddet vokser raskere enn "
	       "ventet. En talsperson for departementet ville ikke kommentere "
	       "opplysningene, og hun sa at det var for tidlig å si noe."},
	{"fi", "Presidentti sanoi tiistaina, että hallitus ei nosta veroja tänä "
	       "vuonna, vaikka taloustieteilijät varoittavat, että alijäämä "
	       "kasvaa odotettua nopeammin. Ministeriön edustajat eivät "
	       "halunneet kommentoida asiaa, mutta he sanoivat että se on "
	       "vielä kesken."},
	{"tr", "Cumhurbaşkanı salı günü yaptığı açıklamada, ekonomistlerin "
	       "açığın beklenenden daha hızlı büyüdüğü yönündeki uyarılarına "
	       "rağmen hükümetin bu yıl vergileri artırmayacağını söyledi. "
	       "Bakanlık yetkilileri ise konu hakkında bir yorum yapmadı ve "
	       "bu da tartışmaya yol açtı."},
	{"ro", "Președintele a declarat marți că guvernul nu va majora taxele în "
	       "acest an, în ciuda avertismentelor economiștilor care spun că "
	       "deficitul crește mai repede decât se aștepta. Reprezentanții "
	       "ministerului nu au dorit să comenteze."},
	{"hu", "Az elnök kedden azt mondta, hogy a kormány idén nem emeli az "
	       "adókat, annak ellenére, hogy a közgazdászok szerint a hiány a "
	       "vártnál gyorsabban nő. A minisztérium szóvivője nem kívánta "
	       "kommentálni az értesüléseket, és azt is mondta, hogy még "
	       "korai."},
	{"id", "Presiden mengatakan pada hari Selasa bahwa pemerintah tidak akan "
	       "menaikkan pajak tahun ini, meskipun para ekonom telah "
	       "memperingatkan bahwa defisit tumbuh lebih cepat dari yang "
	       "diperkirakan. Pejabat kementerian tidak bersedia memberikan "
	       "komentar."},
	{"vi", "Tổng thống cho biết hôm thứ Ba rằng chính phủ sẽ không tăng thuế "
	       "trong năm nay, bất chấp cảnh báo của các nhà kinh tế rằng thâm "
	       "hụt đang tăng nhanh hơn dự kiến. Các quan chức của bộ đã từ chối "
	       "bình luận về vấn đề này."},
	{"ca", "El president va dir dimarts que el govern no apujarà els imposts "
	       "aquest any, malgrat les advertències dels economistes, que "
	       "sostenen que el dèficit creix més de pressa del que es "
	       "preveia. Els responsables del ministeri no han volgut fer "
	       "comentaris."},
	{"hr", "Predsjednik je u utorak rekao da vlada ove godine neće povećati "
	       "poreze, unatoč upozorenjima ekonomista koji tvrde da deficit "
	       "raste brže nego što se očekivalo. Dužnosnici ministarstva nisu "
	       "željeli komentirati, ali su rekli da će se o tome još "
	       "razgovarati."},
	{"ru", "Президент заявил во вторник, что правительство не будет "
	       "повышать налоги в этом году, несмотря на предупреждения "
	       "экономистов, которые считают, что дефицит растёт быстрее, чем "
	       "ожидалось. В министерстве от комментариев отказались."},
	{"uk", "Президент заявив у вівторок, що уряд не підвищуватиме податки "
	       "цього року, попри застереження економістів, які вважають, що "
	       "дефіцит зростає швидше, ніж очікувалося. У міністерстві "
	       "відмовилися від коментарів і не надали жодної інформації."},
	{"bg", "Президентът заяви във вторник, че правителството няма да "
	       "повишава данъците тази година, въпреки предупрежденията на "
	       "икономистите, които смятат, че дефицитът расте по-бързо от "
	       "очакваното. От министерството отказаха коментар."},
	{"be", "Прэзідэнт заявіў у аўторак, што ўрад не будзе павышаць падаткі "
	       "ў гэтым годзе, нягледзячы на папярэджанні эканамістаў, якія "
	       "лічаць, што дэфіцыт расце хутчэй, чым чакалася."},
	{"sr", "Председник је у уторак рекао да влада ове године неће повећати "
	       "порезе, упркос упозорењима економиста који тврде да дефицит "
	       "расте брже него што се очекивало. Из министарства нису желели "
	       "да коментаришу."},
	{"el", "Ο πρόεδρος δήλωσε την Τρίτη ότι η κυβέρνηση δεν θα αυξήσει τους "
	       "φόρους φέτος, παρά τις προειδοποιήσεις των οικονομολόγων ότι το "
	       "έλλειμμα αυξάνεται ταχύτερα από το αναμενόμενο."},
	{"ar", "قال الرئيس يوم الثلاثاء إن الحكومة لن ترفع الضرائب هذا العام، "
	       "على الرغم من تحذيرات الاقتصاديين الذين يرون أن العجز ينمو بوتيرة "
	       "أسرع من المتوقع. ورفض مسؤولو الوزارة التعليق."},
	{"fa", "رئیس جمهور روز سه‌شنبه گفت که دولت امسال مالیات‌ها را افزایش "
	       "نخواهد داد، با وجود هشدار اقتصاددانان که می‌گویند کسری بودجه "
	       "سریع‌تر از پیش‌بینی‌ها رشد می‌کند."},
	{"he", "הנשיא אמר ביום שלישי כי הממשלה לא תעלה את המסים השנה, למרות "
	       "אזהרות של כלכלנים הטוענים כי הגירעון גדל מהר מהצפוי."},
	{"hi", "राष्ट्रपति ने मंगलवार को कहा कि सरकार इस वर्ष कर नहीं बढ़ाएगी, "
	       "हालांकि अर्थशास्त्रियों ने चेतावनी दी है कि घाटा अपेक्षा से "
	       "अधिक तेज़ी से बढ़ रहा है।"},
	{"th", "ประธานาธิบดีกล่าวเมื่อวันอังคารว่ารัฐบาลจะไม่ขึ้นภาษีในปีนี้ "
	       "แม้ว่านักเศรษฐศาสตร์จะเตือนว่าการขาดดุลเพิ่มขึ้นเร็วกว่าที่คาดไว้"},
	{"ko", "대통령은 화요일 경제학자들의 경고에도 불구하고 정부가 올해 "
	       "세금을 인상하지 않을 것이라고 밝혔다. 경제학자들은 적자가 "
	       "예상보다 빠르게 늘어나고 있다고 지적했다."},
	{"ja", "大統領は火曜日、経済学者らが財政赤字は予想より速く拡大していると"
	       "警告しているにもかかわらず、政府は今年増税しないと述べた。"
	       "省の担当者はコメントを控えた。"},
	{"zh", "总统周二表示，尽管经济学家警告赤字增长速度快于预期，政府今年不会"
	       "加税。该部官员拒绝置评。"},
	{"zh", "總統週二表示，儘管經濟學家警告赤字增長速度快於預期，政府今年不會"
	       "加稅。該部官員拒絕置評。"},
	{"ka", "პრეზიდენტმა სამშაბათს განაცხადა, რომ მთავრობა წელს გადასახადებს "
	       "არ გაზრდის."},
	{"hy", "Նախագահը երեքշաբթի հայտարարեց, որ կառավարությունը այս տարի "
	       "հարկերը չի բարձրացնի։"},
};

static void test_samples(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		const char *got = detect(samples[i].text);
		if (strcmp(got, samples[i].lang))
			print_error("sample %zu: expected %s, got %s\n", i,
				    samples[i].lang, got);
		assert_string_equal(got, samples[i].lang);
	}
}

/* Text mixing scripts: the one with most letters decides. */
static void test_mixed(void **state)
{
	(void)state;
	/* Japanese with Latin brand names and a few kanji-only phrases */
	assert_string_equal(detect("AppleはiPhone 16を発表した。新しいカメラを"
				   "搭載している。"), "ja");
	/* Chinese with English names in it */
	assert_string_equal(detect("OpenAI 周二发布了新的模型 GPT-4o，称其在多项"
				   "测试中表现优于此前的版本。"), "zh");
	/* Korean with hanja */
	assert_string_equal(detect("北韓 조선중앙통신은 10일 김정은 국무위원장이 "
				   "현지지도했다고 보도했다."), "ko");
	/* English quoting a Russian name */
	assert_string_equal(detect("The Kremlin spokesman, Дмитрий Песков, said "
				   "on Monday that the talks would continue."),
			    "en");
	/* Russian quoting a Ukrainian place name stays Russian */
	assert_string_equal(detect("Как сообщили в пресс-службе, в районе "
				   "Київ было тихо, а переговоры продолжатся в "
				   "следующем месяце в Стамбуле."), "ru");
}

static void test_undetermined(void **state)
{
	(void)state;
	assert_string_equal(detect(""), "und");
	assert_string_equal(ue_lang_detect(NULL, 0), "und");
	assert_string_equal(detect("Hello"), "und");
	assert_string_equal(detect("Breaking news"), "und");
	assert_string_equal(detect("1234567890 !!! ??? 2024-11-10"), "und");
	assert_string_equal(detect("Привет"), "und");
	assert_string_equal(detect("東京"), "und");
	/* enough letters but no function words: names, a list */
	assert_string_equal(detect("Xylophone Quartz Zebra Kryptonite "
				   "Wolfgang Jabberwocky"), "und");
	/* invalid UTF-8 does no harm */
	assert_string_equal(detect("\xff\xfe\xfd\xc0\xaf\xed\xa0\x80"), "und");
	/* emoji and symbols only */
	assert_string_equal(detect("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀"),
			    "und");
}

/* Only the first 64 KB are read. */
static void test_limit(void **state)
{
	(void)state;
	const char *en = "the cat and the dog were in the house of the king ";
	const char *de = "der Hund und die Katze sind in dem Haus des Königs ";
	size_t n = 200000, k = 0;
	char *buf = malloc(n + 1);
	assert_non_null(buf);
	while (k + strlen(en) < 70000) {
		memcpy(buf + k, en, strlen(en));
		k += strlen(en);
	}
	while (k + strlen(de) < n) {
		memcpy(buf + k, de, strlen(de));
		k += strlen(de);
	}
	buf[k] = '\0';
	assert_string_equal(ue_lang_detect(buf, k), "en");
	assert_string_equal(ue_lang_detect(buf + 70000, k - 70000), "de");
	free(buf);
}

/* Cut in the middle of a character at 64 KB, or anywhere. */
static void test_truncated(void **state)
{
	(void)state;
	const char *s = samples[21].text;       /* ru */
	for (size_t n = 0; n <= strlen(s); n++) {
		const char *got = ue_lang_detect(s, n);
		assert_true(!strcmp(got, "ru") || !strcmp(got, "und"));
	}
}

static void test_normalise(void **state)
{
	static const struct {
		const char *in;
		const char *out;
	} cases[] = {
		{"en", "en"}, {"EN", "en"}, {"EN-us", "en"}, {"en_GB", "en"},
		{"en-US,en;q=0.9", "en"}, {"eng", "en"}, {"English", "en"},
		{"english", "en"}, {" English (UK) ", "en"}, {"\"en\"", "en"},
		{"Russian", "ru"}, {"русский", "ru"}, {"Русский", "ru"},
		{"РУССКИЙ", "ru"}, {"ru-RU", "ru"}, {"rus", "ru"},
		{"ukr", "uk"}, {"uk-UA", "uk"}, {"Українська", "uk"},
		{"Ukrainian", "uk"}, {"Korean", "ko"}, {"한국어", "ko"},
		{"ko-KR", "ko"}, {"kor", "ko"}, {"zh-Hans", "zh"},
		{"zh-CN", "zh"}, {"zh_TW", "zh"}, {"chi", "zh"}, {"zho", "zh"},
		{"Chinese", "zh"}, {"中文", "zh"}, {"简体中文", "zh"},
		{"Japanese", "ja"}, {"日本語", "ja"}, {"ja-JP", "ja"},
		{"jpn", "ja"}, {"fre", "fr"}, {"fra", "fr"}, {"Français", "fr"},
		{"FRANÇAIS", "fr"}, {"ger", "de"}, {"Deutsch", "de"},
		{"de-AT", "de"}, {"pt-BR", "pt"}, {"Português", "pt"},
		{"Español", "es"}, {"es-419", "es"}, {"iw", "he"}, {"he", "he"},
		{"in", "id"}, {"nb", "no"}, {"nb-NO", "no"}, {"Norwegian", "no"},
		{"العربية", "ar"}, {"Arabic", "ar"}, {"Farsi", "fa"},
		{"fa-IR", "fa"}, {"ελληνικά", "el"}, {"gre", "el"},
		{"cy", "cy"}, {"zu", "zu"}, {"Simplified Chinese", "zh"},
		{"bahasa indonesia", "id"},
	};
	static const char *const bad[] = {
		"", " ", "xx", "x", "und", "zzz", "english2", "e",
		"-en", "Klingon", "\xff\xfe", "en\x01", "mul", "123",
		"this is not a language tag at all, no it is not, not at all "
		"and it goes on for longer than any buffer should need",
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *got = ue_lang_normalise(cases[i].in,
						    strlen(cases[i].in));
		if (!got || strcmp(got, cases[i].out))
			print_error("%s: expected %s, got %s\n", cases[i].in,
				    cases[i].out, got ? got : "NULL");
		assert_non_null(got);
		assert_string_equal(got, cases[i].out);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		const char *got = ue_lang_normalise(bad[i], strlen(bad[i]));
		if (got)
			print_error("%s: expected NULL, got %s\n", bad[i], got);
		assert_null(got);
	}
	assert_null(ue_lang_normalise(NULL, 0));
	/* length is honoured: "en" out of "enx" */
	assert_string_equal(ue_lang_normalise("enx", 2), "en");
	/* a NUL inside the tag is refused */
	assert_null(ue_lang_normalise("en\0US", 5));
}

/* The codes returned are ISO 639-1, usable as strings. */
static void test_static_codes(void **state)
{
	(void)state;
	const char *a = ue_lang_normalise("English", 7);
	const char *b = ue_lang_normalise("eng", 3);
	assert_int_equal(strlen(a), 2);
	assert_string_equal(a, b);
	assert_int_equal(strlen(ue_lang_normalise("cy", 2)), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_samples),
		cmocka_unit_test(test_mixed),
		cmocka_unit_test(test_undetermined),
		cmocka_unit_test(test_limit),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_normalise),
		cmocka_unit_test(test_static_codes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
