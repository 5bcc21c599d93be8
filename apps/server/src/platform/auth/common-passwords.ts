/**
 * Passwords that attackers try first: the most frequent entries of public breach corpora worldwide
 * (RockYou, LinkedIn, Adobe, the yearly "worst passwords" lists) and of Chinese leaks (CSDN 2011,
 * 天涯, 人人网, 多玩, 12306), plus keyboard walks, repeated digits, pinyin love phrases and words
 * specific to this service (SECURITY.md: "not in a common-password list"; NIST SP 800-63B §5.1.1.2
 * asks for breach-corpus and context-specific words).
 *
 * Entries are lowercase; `checkPasswordPolicy` compares case-insensitively and also after stripping
 * leading/trailing digits and symbols, so short stems such as `password`, `woaini` or `qwe` also
 * catch `Password123!`, `woaini@1314` and `Qwe123!@#`.
 *
 * This is data, kept as whitespace-separated words so the list stays easy to read and extend.
 */
const WORDS = `
123456 123456789 12345678 12345 1234567 1234567890 1234 123123 123321 111111 000000 666666 888888
654321 987654321 0987654321 11111111 00000000 88888888 66666666 99999999 12341234 11223344 112233
121212 131313 123123123 159753 159357 753951 147258 147258369 147852369 741852963 963852741 789456123
789456 456789 123654 1234554321 123454321 1122334455 5201314 1314520 1314521 5211314 520520 521521
5201314520 7758521 7758258 168168 518518 168888 188888 198611 1234567899 12345600 1233211234567
246810 135792468 13579 24680 2580 147369 369369 112358 314159 3141592653 1qaz 2wsx 1q2w3e 1q2w3e4r
1q2w3e4r5t 1q2w3e4r5t6y q1w2e3r4 q1w2e3r4t5 1qaz2wsx 1qaz2wsx3edc 1qaz@wsx !qaz2wsx !qaz@wsx 1qazxsw2
zaq12wsx zaq1xsw2 xsw2zaq1 2wsx3edc 3edc4rfv qazwsx qazwsxedc qazxswedc qwe qwer qwert qwerty
qwertyu qwertyui qwertyuiop qwertz qwertz123 azerty azertyuiop asd asdf asdfg asdfgh asdfghj asdfghjk
asdfghjkl zxc zxcv zxcvb zxcvbn zxcvbnm qweasd qweasdzxc qweqwe asdasd zxczxc asdqwe qwe123 qwe123456
qwe123asd 123qwe 123qweasd 123qweasdzxc qweasd123 qwer1234 1234qwer asdf1234 1234asdf zxcv1234
zxcvbnm123 poiuytrewq lkjhgfdsa mnbvcxz qwertyuiop123 1qw23e 1qaz1qaz qazqaz wsxwsx abc abcd abcde
abcdef abcdefg abcdefgh abc123 abc1234 abc12345 abc123456 abcd1234 abcd123456 1234abcd 123abc
123456abc a123 a1234 a12345 a123456 a1234567 a12345678 a123456789 aa123456 aa12345678 aa123456789
aaa123 aaa123456 aaa111 a111111 a000000 a1b2c3 a1b2c3d4 a1s2d3f4 123456a 123456aa 123456789a
12345678a 1234567a 12345a 1234a 123a 1a2b3c 1a2b3c4d qq123456 qq1234 qq123 qq5201314 qqqqqq
wang123 li123456 zhang123 liu123456 chen123 woaini woaini1314 woaini520 woaini521 woaiwojia woaimama
woaibaba woaini123 aini1314 iloveyou1314 wodemima mima mima123 mima1234 nihao nihao123 wanmei
zhongguo china china123 beijing shanghai guangzhou shenzhen tianjin chongqing woshishui wocao
xiaoming xiaohong xiaoqiang xiaolong longlong feifei lili tingting huanhuan jingjing lele yangyang
wangwei zhangwei liwei wangfang liqiang zhangjie wangyang liuyang zhangyong wangjing liming zhangmin
laopo laogong baobao baobei bb1314 tiantian kuaile xingfu pingan jiayou dongdong haohao fengfeng
aaaaaa aaaaaaaa bbbbbb abcabc aaaa1111 abab1234 a1a1a1 zzzzzz xxxxxx 1111 2222 3333 5555 6666
7777 8888 9999 0000 11111 22222 55555 77777 222222 333333 444444 555555 777777 999999 1111111
7777777 8888888 123456654321 1234512345 0123456789 01234567 012345 1212 1313 696969 101010
password password1 password12 password123 passw0rd p@ssw0rd p@ssword pa55word pa55w0rd passwort
pass pass123 pass1234 passpass mypassword mypass secret secret123 letmein letmein123 welcome
welcome1 welcome123 changeme changeit default admin admin1 admin12 admin123 admin1234 admin888
admin666 administrator root root123 toor system sysadmin manager guest guest123 test test1
test123 test1234 testtest user user123 demo demo123 temp temp123 login login123 super superuser
master master123 access access123 qwerty1 qwerty12 qwerty123 qwerty1234 qwertyuiop1 iloveyou
iloveyou1 iloveu love love123 lovely loveme lover monkey dragon dragon123 football baseball
basketball soccer hockey golf tennis sunshine shadow princess princess1 superman batman spiderman
trustno1 michael jennifer jordan jordan23 hunter buster harley tigger charlie robert thomas daniel
andrew joshua matthew jessica ashley amanda nicole michelle george william anthony starwars
computer internet freedom whatever maggie ginger cheese summer winter autumn spring killer pepper
chelsea arsenal liverpool barcelona juventus yankees dallas austin thunder taylor matrix cookie
flower flowers butterfly angel angel1 angels baby baby123 babygirl hello hello123 hello1234
hellokitty kitty pokemon naruto samsung apple apple123 google facebook microsoft windows linux
ubuntu oracle mysql postgres database server network cisco huawei xiaomi lenovo tencent baidu
alibaba taobao wechat weixin qqqq qazwsx123 zaq1@wsx zaq!2wsx 1q2w3e4r! 1q2w3e! qwe!@# qwe123!@#
!@#$%^ !@#$%^&* !@#123 !qaz1qaz 1qaz!qaz @dmin a!123456 abc@123 admin@123 admin@1234 admin#123
root@123 test@123 p@ss1234 p@55w0rd p@ssw0rd1 p@ssw0rd123 passw0rd1 pa$$word pa$$w0rd qwer!234
asdf!234 1234!qwer mustang michelle1 jackson jasmine jessica1 justin killer1 letmein1 liverpool1
lovely1 madison master1 merlin mickey monkey1 mustang1 nicole1 orange pakistan peanut phoenix
purple qazwsx1 rainbow ranger rangers richard robert1 samantha secret1 shadow1 silver smokey
snoopy soccer1 starwars1 steelers summer1 sunshine1 superman1 tigger1 toyota veronica
victoria whatever1 yellow zxcvbnm1 blink182 football1 baseball1 charlie1 daniel1 dragon1 freedom1
friends friend family forever hannah heather jordan1 michael1 chocolate computer1 diamond
zhijiao zhijiao123 zhijiaoyu zhijiao2024 zhijiao2025 zhijiao2026 jiaoyu jiaoyuju xuexiao laoshi
xuesheng xiaozhang banzhuren zhiye zhiyejiaoyu zhigao zhongzhi jiaowu jiaowuchu xiaoyuan
`;

/** The common-password list as a lowercase set, for O(1) look-ups. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(WORDS.trim().split(/\s+/));

/**
 * Names of the place and the product that people turn into passwords (`Sh@ngdang2020`,
 * `Changzhi#2024`, `职教2025!`): the district (上党), its city (长治), its province (山西) and
 * Zhijiao (职教) itself. `isCommonPassword` refuses a password made of these names alone or
 * together, in any case, with leetspeak (`@`→a, `0`→o, `1`→i/l, `3`→e, `$`→s …) and with
 * leading/trailing digits, years and symbols.
 */
export const CONTEXT_NAMES: readonly string[] = [
  'shangdang',
  'changzhi',
  'shanxi',
  'zhijiao',
  '上党',
  '长治',
  '山西',
  '职教',
];
