/**
 * English cues. Sources: the complaint definition and examples of Preotiuc-Pietro et al. (ACL 2019:
 * "a complaint presents a state of affairs which breaches the writer's favorable expectation"), typical
 * customer-service tweets (delivery, billing, telco outages, being on hold), the X-CI severity scale
 * (no explicit reproach, disapproval, accusation, blame), and a small lexicon of frequent polarity words.
 * Written by hand and checked — not fitted — against the English complaints corpus.
 */
import { conditionalIrony, cue, type CueDef } from './cues-types.ts';

// No "a"/"one": "for a day trip" is no complaint; "for three days" and "for days" are.
const NUM = '(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|several|many|few|couple of)';
const SPAN = '(?:minutes|mins|hours|hrs|days|weeks|months|years|hour|day|week|month)';

export const EN_CUES: CueDef[] = [
  // Irony first: in one alternation the first pattern that fits wins, and "danke für nichts" must beat "danke".
  cue('irony', 'irony marker', 'thanks for nothing|thanks for nada|valued\\. right|yeah,? sure|sure,? jan|thanks for the confirmation|yeah right|so much for|#not|#sarcasm|/s', 1),
  conditionalIrony('irony marker', 'thanks a lot|thanks again|just great|oh great|great job|good job|well done|love (?:how|that|it when|when)|nice of|what a surprise', 1),
  // Resolution before the failure words it shares a word with ("refunded it straight away" is not a refund dispute).
  cue('resolution', 'resolved', "(?:all|everything(?:'s| is)?|it(?:'s| is)|issue|problem|fault|that(?:'s| is)) (?:now |all |been |has been |was |is |got ){0,3}(?:sorted|fixed|resolved|solved)|(?:works|working|running) (?:again|fine now|perfectly now)|back (?:up and running|online|to normal)|(?:fixed|sorted|resolved|solved|refunded|replaced|repaired|credited|reimbursed) (?:it|them|everything|me|us|the [\\p{L}]+|my [\\p{L}]+|our [\\p{L}]+)|(?:has|have|had|is|was|are|were) (?:now |all |finally |just |been ){0,3}(?:fixed|resolved|sorted|solved|refunded|credited|reimbursed|replaced|repaired|restored)|(?:got|received) (?:a |my |the |our )?(?:full )?refund", 0.7),
  // --- unanswered, unreachable, sent around
  cue('failure', 'no reply', '(?:no|zero|still no|not a single|not one|without any|without a) (?:reply|response|answer|call ?back|update|word|feedback)|(?:nobody|no one|noone|no-one) (?:replies|replied|responds|responded|answers|answered|gets back|got back|called|calls|helps|helped|cares)|(?:haven\'t|havent|have not|hasn\'t|has not|didn\'t|never) (?:heard|had a (?:reply|response)|got a (?:reply|response)|received (?:a|any)|replied|responded|got back|gotten back|called back)', 1.1, 1),
  cue('failure', 'still waiting', '(?:still|been|keep|kept) waiting|waiting (?:for|since|on)|still (?:no|not|nothing|haven\'t|havent|hasn\'t|hasnt|don\'t|dont|doesn\'t|doesnt|can\'t|cant|isn\'t|broken|down|waiting)|yet again|again\\?|again!|once again|(?:third|fourth|fifth|3rd|4th|5th|\\d+th) time', 1, 1),
  cue('failure', 'for days', `for (?:the (?:last|past) )?${NUM} ?${SPAN}(?: now)?|for (?:days|weeks|months|hours|ages)|(?:a|one) (?:week|month) (?:now|later|and still|ago)|${NUM} ${SPAN} (?:now|later|and still|ago)|since (?:yesterday|last week|monday|tuesday|wednesday|thursday|friday|saturday|sunday)`, 0.6, 1),
  cue('failure', 'on hold', 'on hold|hold music|in a queue|in the queue|can\'t get through|cant get through|couldn\'t get through|can\'t reach|cannot reach|unable to (?:reach|contact|get)|no way to contact|impossible to (?:reach|contact)|been transferred|line went dead|(?:closed|ended) the (?:chat|conversation|call) on (?:me|us)|cut me off|transferred (?:me )?(?:\\d+|three|four|five|multiple) times|passed around|run around|runaround|keep(?:s)? (?:sending|telling|passing)', 1.1, 2),
  cue('failure', 'automated reply', 'automated (?:reply|response|message)|canned (?:reply|response)|copy (?:and|&) paste|generic (?:reply|response)|bot reply', 0.8, 2),
  // --- billing
  cue('failure', 'billing problem', 'overcharged|charged (?:me )?(?:twice|double|again|for something)|double charged|wrong (?:bill|charge|amount)|hidden fees?|extra charges?|debt collect*|collections agency|late fee|refund*|money back|still not refunded|stole my money|took my money', 1, 3),
  // The customer kept their side of the deal and the company did not: "even though every bill is paid", "despite
  // cancelling in March", "cancelled … and you're still taking money". The contrast names the breached expectation.
  cue('failure', 'despite paying', "(?:even though|although|even tho|despite|in spite of) (?:[\\p{L}\\p{N}']+ ){0,5}(?:paid|paying|payment|payments|cancel+ed|cancel+ing|cancellation|reported|sent|called|ordered|booked|used less|returned|confirmed|at home|in all day|in the whole day)|(?:still|keep|keeps|kept) (?:taking|charging|billing|debiting) (?:me|us|money|my|our)", 1.1, 3),
  // Left stranded by a cancellation or breakdown.
  cue('failure', 'stranded', 'stranded|stuck (?:at|in|on) (?:the )?(?:airport|station|platform|gate|terminal|train|plane|tarmac|bus)', 0.8, 1),
  // The company's record against the customer's: "tracking says delivered", "marked as delivered".
  cue('failure', 'disputed record', "(?:tracking|app|status|website|it) (?:says|said|shows|showed) (?:it was |it's |its )?(?:delivered|left|collected|resolved)|marked (?:as )?(?:delivered|resolved|closed)|apparently (?:delivered|left|signed for)", 0.8, 2),
  // Done to the customer without asking: charged for what they never ordered, cut off, changed without notice.
  cue('failure', 'without notice', "without (?:telling|asking|warning|informing|notifying|consulting) (?:me|us|anyone)?|without (?:any )?(?:notice|warning|explanation|reason|consent)|never (?:signed up|ordered|agreed|authori[sz]ed|asked for)|(?:power|gas|water|electricity|internet|broadband|phone|line|service|supply|account|card) (?:[\\p{L}]+ ){0,3}(?:cut off|disconnected|shut off|switched off|frozen|suspended|blocked)|(?:cut|shut|switched) (?:off )?(?:our|my) (?:power|gas|water|electricity|internet|supply)|froze (?:my|our)", 1, 2),
  // Costs going up: weak alone (price news is no complaint), a complaint with a customer frame or a contrast.
  cue('failure', 'price rise', "(?:price|prices|bill|premium|premiums|fee|fees|tariff|rent|cost|renewal) (?:[\\p{L}\\p{N}£$€%]+ ){0,4}(?:went up|gone up|increased|doubled|rose|hiked|up by)|put (?:my|our|the) (?:bill|price|premium|rent)s? up", 0.5, 2),
  // --- cancellation and churn
  cue('failure', 'cancel / switch', 'cancel* (?:my|our|the)? ?(?:subscription|account|contract|service|order|membership|plan)|(?:i\'m|im|i am|we\'re|we are) (?:cancelling|canceling|leaving|switching|done with)|switch(?:ing)? to|take my business elsewhere|never (?:again|using|ordering|buying|flying|shopping|lease|leasing|fly|order|buy|use|shop)|will never|won\'t be (?:renewing|back|using|buying|ordering)|not (?:be )?renewing|last time i|lost a customer|lost my business', 1, 3),
  // --- delivery, outage, defects
  cue('failure', 'delivery problem', '(?:hasn\'t|hasnt|has not|haven\'t|havent|never|didn\'t|didnt|did not|still not|not yet) (?:arrived|been delivered|delivered|shipped|come|received|got)|where(?:\'s| is) my (?:order|package|parcel|delivery|refund|stuff)|missing (?:item|package|parcel|order)|(?:lost|losing|lose) (?:my|our|the) (?:package|parcel|order|luggage|bag|data|booking|payment|money|stuff)|(?:late|delayed|cancelled|canceled) (?:delivery|order|flight|train|again)|delay(?:ed|s)?|wrong (?:item|order|size)', 1, 1),
  cue('failure', 'not working', '(?:not|isn\'t|isnt|doesn\'t|doesnt|won\'t|wont|stopped|never) work*|broke|broken|keeps (?:crashing|dropping|freezing)|crash*|outage|(?:is|are|went|goes) down|no (?:signal|service|internet|wifi|power|connection|hot water)|error (?:message|code)|glitch*|faulty|defective|damaged|dead on arrival', 0.9, 1),
  cue('failure', 'bad service', '(?:worst|terrible|awful|horrible|poor|bad|appalling|shocking|pathetic|crap|shit|lousy|rubbish) (?:customer )?(?:service|support|experience|company|airline|app|network|delivery|quality)|customer service (?:is|was|sucks)|fix (?:this|it|your)|sort (?:it|this) out|do better|get it together|step up', 1.1, 2),
  cue('failure', 'cannot use', '(?:can\'t|cant|cannot|can not|couldn\'t|couldnt|unable to|impossible to|won\'t let me|not able to) (?:log ?in|sign ?in|login|stream|watch|access|use|find|get|order|pay|cancel|connect|download|update|send|make|contact|speak|talk)*|keeps? (?:getting|logging|asking|saying|telling|failing|charging)|server errors?|internal errors?|errors?|not even|lasted|expired|out of (?:stock|date)|price (?:hike|increase)|hike|denied|refused|declined|lacking|non ?existent|no longer|doesn\'t (?:fit|match)|too (?:large|small|big|slow|expensive|long)', 0.7, 1),
  cue('failure', 'unresolved', '(?:doesn\'t|doesnt|does not|don\'t|dont|won\'t|wont|will not|didn\'t|didnt|isn\'t|isnt|aren\'t|not) (?:display|load|show|open|respond|take|accept|turn on|charge|start|connect|fit|resolve|fix|answer)*|stopped (?:working|responding|loading|charging)|no worky|not (?:been )?(?:fixed|resolved|refunded|credited|sorted|delivered|mailed|sent) (?:yet|out)?|unresolved|still in (?:the )?shop|need(?:s)? help|please help|help me|help!|can (?:you|someone|somebody) help|someone help', 0.6, 1),
  cue('failure', 'rude staff', 'rude|unhelpful|unprofessional|incompetent|ignored (?:me|us)|ignoring (?:me|us)|hung up|hang up|yelled|attitude', 0.9, 3),
  // --- blame and accusation
  cue('negative', 'exclamation marks', '\\?!|!\\?|!!+|\\?\\?+', 0.35, 2),
  cue('negative', 'exasperation', '#nothappy|#badservice|#notcool|#epicfail|not cool|not happy|not ok|what gives|are you (?:kidding|serious|joking)|you kidding|get your act together|really\\?|seriously\\?|what the|wth|omg|nonsense|incompetence|stumped|tragedy|:-?\\(|😡|🤬|😠|😤|🙄|👎|😒|😞|😢|😭|💩|🤦', 0.6, 2),
  cue('negative', 'disgrace', 'disgrace*|disgusting|shameful|shame on|unacceptable|outrageous|ridiculous|joke|a joke|laughable|unbelievable|inexcusable', 1.1, 4),
  // Public outrage in a shitstorm: a boycott (also as the storm's hashtag, "#BoycottUnited"), shaming, calls to fire
  // someone, no more custom. Not a service failure of the writer's own, but plainly negative about the brand.
  cue('negative', 'outrage/boycott', 'boycotting|boycott (?:them|this|it|these|those)|(?:i|we|everyone|everybody|people) (?:should |must |will |are |\'re |am |\'m )?(?:all )?boycott*|boycott!|#(?:[\\p{L}\\p{N}_]+)?boycott*|(?:should|ought to) be ashamed|ashamed of (?:yourselves|themselves)|shame on|fire (?:the|your|their) ceo|(?:ceo|manager|staff) (?:should|must|needs to) be fired|never (?:buying|shopping|ordering|flying) (?:from|at|with) (?:you|them|[\\p{L}]+) again|cutting up my [\\p{L}]+ card|should lose (?:its|their|your|the) licen[cs]e|profits? over people|you people are (?:unreal|disgusting|a joke|pathetic|shameless)|horrif*|appall*|sickening|tone-?deaf|racist|sexist|(?:should|needs? to|must|belongs?) (?:be )?(?:in|behind) (?:jail|prison|handcuffs|bars)|in handcuffs|lock (?:them|him|her|\'?em) up|(?:ceo|execs?|executives?|board|management|bosses|boss) (?:should|must|needs? to) (?:resign|step down|go|be fired|be sacked)|(?:should|must|needs? to) (?:resign|step down)|(?:you\'re|youre|you are|they\'re|theyre|they are) done|(?:i\'m|im|i am|we\'re|we are) done with|done with (?:you|them|this company)|get out while you (?:still )?can|get out while|(?:closing|closed|close) (?:my|our) (?:[\\p{L}]+ ){0,2}account|(?:deleted?|deleting|uninstall(?:ed|ing)?) (?:the|your|their|this) app|lost (?:a|another|this) customer|how is (?:this|that|it) (?:even )?legal|(?:zero|no) accountability|used to (?:love|like|trust|recommend|defend|be a fan)', 1.0, 4),
  // Contempt and accusation in a storm: lies, greed, hypocrisy, mockery; clown and vomit emoji aimed at a brand.
  cue('negative', 'contempt', 'greed*|hypocri*|greenwashing|clowns?|clown show|circus|fan fiction|shameless|spineless|cowards?|gaslight*|🤮|🤢|🤡|🖕', 1.0, 4),
  cue('negative', 'scam', 'scam*|fraud*|rip ?off|ripped off|thie(?:f|ves)|liars?|lied|lying|lawyer|sue you|small claims|ombudsman|trading standards|bbb', 1.1, 4),
  cue('negative', 'swearing', 'fuck*|wtf|shit*|crap|sucks|suck|screw you|bullshit|damn|hell', 0.8, 3),
  cue('negative', 'worst', 'worst|awful|terrible|horrible|horrendous|atrocious|appalling|pathetic|useless|garbage|trash|rubbish|nightmare|disaster|mess', 1, 3),
  cue('negative', 'annoyed', 'annoy*|angry|furious|fed up|sick of|tired of|frustrat*|dis+ap+oint*|upset|livid|pissed|mad at|hate|hated|unhappy|dissatisfied|not happy|fuming', 0.8, 2),
  cue('negative', 'bad', 'again|bad|poor|sad|wrong|slow|late|worse|problem*|issue*|fail*|#fail|complain*|smh|ugh|seriously|why (?:is|are|do|does|did|can\'t|won\'t|would)', 0.4, 2),
  // --- praise
  cue('positive', 'thanks', 'thanks*|thank you|thx|ty|cheers|appreciate*|grateful', 0.6),
  cue('positive', 'looking forward', "can't wait|cannot wait|cant wait|looking forward|so excited|excited", 0.7),
  cue('positive', 'praise', '👍|👏|🙏|😊|🙂|😀|😃|😄|recommend*|great|awesome|amazing|excellent|fantastic|brilliant|perfect|wonderful|love|loved|loving|best|good|nice|happy|glad|helpful|kudos|well done|impressed|superb|outstanding|5 stars|shout ?out|quick response|fast delivery|on time|❤|😍|🥰|🙌', 0.7),
  // --- commentary about third parties (seed 004 in English)
  cue('commentary', 'about a post', '(?:this|that|the|a) (?:tweet|post|thread|article|video)|came across|saw (?:this|a)|retweets|likes|in the replies|customer bashing|their customers|his customers|her customers', 0.6),
  // The company speaking (a maintenance notice, a service update, an offer): announcing downtime is no customer's complaint.
  // Reporting on a storm, and bystanders of it, as observers: "Boycott calls grow as the airline apologises".
  cue('commentary', 'reporting on outrage', 'backlash (?:against|over|after|grows)|faces? (?:backlash|criticism|calls)|under fire (?:for|over|after)|(?:pulls|pulled|withdraws|withdrew) (?:[\\p{L}]+ ){0,3}(?:ad|advert|campaign|post|video)|boycott calls|calls (?:for|to) boycott|sparks? (?:outrage|anger|backlash|criticism)|everyone is overreacting|outrage culture', 1.0),
  // News reporting on a company: figures "according to the bank", customers affected, an authority's inquiry.
  cue('commentary', 'news report', "according to (?:the )?(?:bank|company|airline|firm|police|regulator|report|statement|filing)|(?:customers|users|accounts|passengers|people) (?:were |are )?affected by|(?:launches|launched|opens|opened) (?:an? )?(?:investigation|inquiry|probe)|(?:confirms|confirmed) (?:a |the )?(?:data )?(?:breach|leak|recall|outage)|(?:regulators?|authorities|police|prosecutors?|watchdog|ministry|government) (?:open|opens|opened|launch|launches|launched|start|starts|started) (?:an? )?(?:investigation|inquiry|probe)|, (?:the )?(?:company|spokesperson|spokeswoman|spokesman|bank|airline|firm|insurer|regulator) (?:says|said)|spokes(?:person|woman|man) apologi[sz]es", 1),
  cue('commentary', 'brand notice', "(?:statement|update|message|a note) from (?:the )?[\\p{L}]+|(?:we are|we're|we remain) (?:deeply |truly |so |very )?sorry|does not reflect (?:who we are|our values)|(?:has|have) been removed from|will (?:receive|be re-?reviewed|be refunded|be compensated)|(?:planned|scheduled) maintenance|thanks? (?:you )?for your patience|(?:we|we'd like to) apologi[sz]e for any inconvenience|sorry for any inconvenience|dear customers|our (?:customers|stores|branches|app will|website will)|(?:order|sign up|switch|book) (?:now|today)|check availability|giveaway|we're giving away", 1),
  // --- first-person customer experience
  cue('customer', 'own experience', '(?:my|our) (?:order|package|parcel|delivery|bill|account|contract|refund|phone|internet|flight|train|booking|ticket|card|money|payment|complaint|case|request|email|service)|(?:i|we) (?:have|had|\'ve)? ?(?:ordered|called|emailed|paid|booked|bought|returned|complained|contacted)|(?:i\'m|i am|as) a (?:loyal )?customer', 0.5),
  // --- information questions
  cue('question', 'question', '(?:how (?:do|can|long|much|does)|where (?:can|do|is the)|when (?:will|does|is|do)|what (?:time|is the|are the)|is there|are there|can i|could i|do you|does anyone|is it possible|any (?:idea|chance|news))', 0.5),
];

/** Words that negate the next evaluation word ("not bad", "not happy", "never good"). */
export const EN_NEGATORS = ['not', 'no', 'never', 'without', 'hardly', 'nothing', 'none', 'nor', "isn't", "wasn't", "aren't", "don't", "doesn't", "didn't", "won't", "can't", 'cannot', 'isnt', 'wasnt', 'dont', 'doesnt', 'didnt', 'wont', 'cant'];

/** Second person addressing the brand: with a failure it reads as an accusation. */
export const EN_ADDRESS = ['you', 'your', "you're", 'youre', "you've", 'yall', "y'all"];
