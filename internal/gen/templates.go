package gen

import "github.com/relgraph/relgraph/internal/model"

// A template is one sentence with slots ({A}, {pair}, {year}, ...; see
// builder.slot) and the relationships it states. A "~" marks a space the
// generator may drop ("Addressingthe event"), as in the seeds' scraped text;
// it is never placed inside an actor's name or a relationship's trigger
// words, so the gold stays true to what the sentence says.
type template struct {
	text string
	rels []relSpec
}

// relSpec is one relationship a template states: endpoints are roles
// resolved per article: 'A' and 'B' (the pair), 'U' (United Nations) and 'F'
// (the forum of the sentence).
type relSpec struct {
	t        model.RelType
	from, to byte
	status   model.Status
}

const (
	est = model.Established
	pln = model.Planned
)

func rel(t model.RelType, from, to byte, st model.Status) relSpec {
	return relSpec{t: t, from: from, to: to, status: st}
}

func ab(t model.RelType, st model.Status) []relSpec { return []relSpec{rel(t, 'A', 'B', st)} }

// pairTemplates state relationships between the article's two countries.
// {pair} is a phrase for both of them: their names, or one that points back
// to them ("the two sides", "both sides", "Vinh and his guest").
var pairTemplates = []template{
	// HOTLINE
	{"The hotline between the {Amin} and the {Bmin}, opened in {year}, has worked~effectively, helping the two sides handle~incidents in a timely manner.", ab(model.Hotline, est)},
	{"{pair} have maintained a direct telephone line between their navies since {year}, {oA} noted.", ab(model.Hotline, est)},
	{"A hotline between the {Anavy} and the {Bnavy} has operated smoothly since {year}, contributing to~building trust at sea.", ab(model.Hotline, est)},
	{"{pair} agreed to set up a hotline between their defence ministries {soon}.", ab(model.Hotline, pln)},
	{"The two sides agreed to establish a direct communication channel between the {Anavy} and the {Bnavy} to deal~with unplanned encounters at sea.", ab(model.Hotline, pln)},
	{"{oA} proposed that the two sides open a defence hotline to share~information on the situation at sea.", ab(model.Hotline, pln)},
	// JOINT_PATROL
	{"{pair} have conducted joint patrols along the maritime boundary~every year since {year}.", ab(model.JointPatrol, est)},
	{"The {Anavy} and the {Bnavy} held their {ord} joint patrol in the {sea} in {month}.", ab(model.JointPatrol, est)},
	{"Border guard forces of {A} and {B} have carried out {n} coordinated patrols along the shared border this year.", ab(model.JointPatrol, est)},
	{"{pair} will hold joint patrols in the {sea} {soon} to~combat piracy and illegal fishing.", ab(model.JointPatrol, pln)},
	{"The two sides agreed to conduct coordinated patrols along the shared border to prevent smuggling and~human trafficking.", ab(model.JointPatrol, pln)},
	// ATTACHE_OFFICE
	{"{B} opened its defence attaché office in {Acap} in {year}.", []relSpec{rel(model.AttacheOffice, 'B', 'A', est)}},
	{"{A} has maintained a military attaché office in {Bcap} since {year}, {oA} said.", []relSpec{rel(model.AttacheOffice, 'A', 'B', est)}},
	{"{A} plans to open a defence attaché office in {Bcap} {soon}.", []relSpec{rel(model.AttacheOffice, 'A', 'B', pln)}},
	{"{oB} said {B} intends to open a military attaché office in {Acap} {soon}.", []relSpec{rel(model.AttacheOffice, 'B', 'A', pln)}},
	// DEFENCE_COOPERATION
	{"Defence ties between {A} and {B} have developed~steadily over the past years, especially in {area} and {area2}.", ab(model.DefenceCooperation, est)},
	{"{pair} signed a memorandum of understanding on defence cooperation in {year}.", ab(model.DefenceCooperation, est)},
	{"{oA} spoke highly of the outcomes of the {A}–{B} defence cooperation in~recent years.", ab(model.DefenceCooperation, est)},
	{"Since {year}, {pair} have cooperated in {area}, bringing practical~benefits to each side.", ab(model.DefenceCooperation, est)},
	{"{pair} agreed to step up defence cooperation in {area} and {area2} in the time~to come.", ab(model.DefenceCooperation, pln)},
	{"{oA} suggested that the two sides sign a protocol on defence cooperation for the {period} period.", ab(model.DefenceCooperation, pln)},
	{"The two sides should further intensify cooperation in {area}, {oB} said.", ab(model.DefenceCooperation, pln)},
	// DIALOGUE
	{"{pair} have held {n} rounds of strategic defence dialogue at deputy-ministerial level since {year}.", ab(model.Dialogue, est)},
	{"The annual defence policy dialogue between {A} and {B} has been maintained since {year}.", ab(model.Dialogue, est)},
	{"{pair} agreed to hold the next defence policy dialogue in {Bcap} in {ynext}.", ab(model.Dialogue, pln)},
	// EXERCISE
	{"The {Anavy} and the {Bnavy} conducted a joint search and rescue exercise in the {sea} in {month}.", ab(model.Exercise, est)},
	{"{pair} have held {n} joint exercises on humanitarian assistance and disaster relief since {year}.", ab(model.Exercise, est)},
	{"{pair} will hold their first joint military exercise {soon}.", ab(model.Exercise, pln)},
	{"The two sides agreed to conduct a joint naval drill on maritime search~and rescue next year.", ab(model.Exercise, pln)},
	// TRAINING
	{"{pair} have cooperated in personnel training, with {n} {Bdem} officers attending {Adem} military academies.", ab(model.Training, est)},
	{"Cooperation in training between {A} and {B} has been a bright spot, with hundreds of officers trained since {year}.", ab(model.Training, est)},
	{"{pair} agreed to boost cooperation in personnel training and English language training.", ab(model.Training, pln)},
	{"{oB} proposed that {A} and {B} expand cooperation in training young officers.", ab(model.Training, pln)},
	// EXCHANGE
	{"{pair} have regularly exchanged delegations at all levels.", ab(model.Exchange, est)},
	{"Ship {n3} of the {Bnavy} made a friendly visit to {A} in {month}, {oA} recalled.", ab(model.Exchange, est)},
	{"{pair} agreed to increase the exchange of delegations at all levels, especially~young officers.", ab(model.Exchange, pln)},
	{"{oA} accepted an invitation to pay an official visit to {B} {soon}.", ab(model.Exchange, pln)},
	// DEFENCE_INDUSTRY
	{"{B} has supplied {A} with {equip} under a contract signed in {year}.", ab(model.DefenceIndustry, est)},
	{"{pair} have cooperated in defence industry, including the joint production of {equip}.", ab(model.DefenceIndustry, est)},
	{"{pair} will expand cooperation in defence industry and military technology transfer.", ab(model.DefenceIndustry, pln)},
	{"The two sides agreed to consider joint research and production of {equip} as part of their defence industry cooperation.", ab(model.DefenceIndustry, pln)},
	// PARTNERSHIP
	{"{A} and {B} set up their {level} partnership in {year}.", ab(model.Partnership, est)},
	{"Within the framework of the {A}–{B} {level} partnership, defence cooperation has become a~pillar of bilateral ties.",
		[]relSpec{rel(model.Partnership, 'A', 'B', est), rel(model.DefenceCooperation, 'A', 'B', est)}},
	{"{pair} intend to upgrade their relations to a {level} partnership {soon}.", ab(model.Partnership, pln)},
	// several at once
	{"{pair} agreed to promote cooperation in training, defence industry and the exchange of delegations.",
		[]relSpec{rel(model.Training, 'A', 'B', pln), rel(model.DefenceIndustry, 'A', 'B', pln), rel(model.Exchange, 'A', 'B', pln)}},
	{"Under the memorandum of understanding on defence cooperation signed in {year}, {pair} have held joint patrols and maintained a hotline between their navies.",
		[]relSpec{rel(model.DefenceCooperation, 'A', 'B', est), rel(model.JointPatrol, 'A', 'B', est), rel(model.Hotline, 'A', 'B', est)}},
	// MEMBER_OF: both of the pair take part in a body they can both belong to.
	{"Both {A} and {B} are active members of {F}, {oB} noted.", []relSpec{rel(model.MemberOf, 'A', 'F', est), rel(model.MemberOf, 'B', 'F', est)}},
	{"{pair} have coordinated closely at {F} since {year}.", []relSpec{rel(model.MemberOf, 'A', 'F', est), rel(model.MemberOf, 'B', 'F', est)}},
	// PEACEKEEPING
	{"{A} has sent {big} officers to UN peacekeeping missions since {year}, {oA} said.", []relSpec{rel(model.Peacekeeping, 'A', 'U', est)}},
	{"{B} will deploy an engineering unit to UN peacekeeping operations in {ynext}, {oB} said.", []relSpec{rel(model.Peacekeeping, 'B', 'U', pln)}},
}

// groupTemplates speak of unnamed sets ("other navies"): Group endpoints,
// kept out of the gold (rules 3 and 8).
var groupTemplates = []template{
	{"The {Anavy} will continue to maintain hotlines and joint patrols with other navies in the region.", nil},
	{"{A} has also established defence ties with neighbouring countries and traditional partners.", nil},
	{"{A} has sent officers to study at military academies of several partner countries.", nil},
}

// fillers state no relationship: one actor at most, or none.
var fillers = []template{
	{"{oA} stressed the need to~{goal}.", nil},
	{"He also called for efforts to {goal}, {oA} said.", nil},
	{"According to {oA}, {topic} has seen complicated~developments, requiring efforts to {goal}.", nil},
	{"{oA} said that {topic} remains a~concern, and it is necessary to {goal}.", nil},
	{"Addressing~the event, {oA} emphasised~the importance of mutual trust in maintaining peace and stability in~the region.", nil},
	{"He applauded efforts by agencies and units in~implementing the work, while requesting them to~promote their advantages.", nil},
	{"Participants focused~on discussing outstanding results and lessons learned~during the period.", nil},
	{"Attention should be paid to promptly completing~legal documents related to~international integration, participants said.", nil},
	{"The regional security situation has seen complicated~developments, with growing non-traditional security challenges such as~terrorism, natural disasters and epidemics.", nil},
	{"On~the occasion, {oA} presented certificates of merit to~units and individuals for their outstanding contributions.", nil},
	{"Defence diplomacy has contributed to~maintaining a peaceful and stable environment for national construction~and development.", nil},
	{"He also asked for more efforts to create~a solid foundation for the cause of national defence in the new~situation.", nil},
	{"The settlement of disputes by peaceful means on the basis of international law, including the 1982 United Nations Convention on the Law of the Sea, was also highlighted.", nil},
	{"{oA} said {A} consistently pursues a defence policy of peace~and self-defence.", nil},
	{"Officers and soldiers have become more~deeply aware of the role of international integration in the national safeguarding~strategy.", nil},
	{"Delegates recommended specific~directions and solutions for the {period} period.", nil},
}

// visitFillers fit a meeting of the two sides' officials.
var visitFillers = []template{
	{"{oA} briefed~his guest on the socio-economic situation of {A} and the results of its defence~modernisation.", nil},
	{"{oB} thanked~the host for the warm and~thoughtful reception.", nil},
	{"The talks took place in a friendly and~open atmosphere.", nil},
	{"The two sides also discussed~regional and international issues of common concern, including~the East Sea issue.", nil},
	{"Both sides expressed their delight at the good~development of the traditional friendship between the two peoples.", nil},
}
