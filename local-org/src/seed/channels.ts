// The seven networks the demo org integrates, as Social_Channel__c records with sensible defaults.

export interface DemoChannel {
  Network_Key__c: string;
  Name: string;
  Icon__c: string;
  Public_Reply_Limit__c: number;
  Length_Counting__c: 'Characters' | 'X_Weighted';
  Response_SLA_Minutes__c: number;
  Supports_Private_Messages__c: boolean;
  Profile_URL_Template__c: string;
  Post_URL_Template__c: string;
  Sort_Order__c: number;
  /** A value of the Case Origin picklist (the local org's has Social); a channel's name is not one. */
  Case_Origin__c: string;
}

export const CHANNELS: DemoChannel[] = [
  {
    Network_Key__c: 'x',
    Name: 'X',
    Icon__c: 'utility:socialshare',
    Public_Reply_Limit__c: 280,
    Length_Counting__c: 'X_Weighted',
    Response_SLA_Minutes__c: 60,
    Supports_Private_Messages__c: true,
    Profile_URL_Template__c: 'https://x.com/{handle}',
    Post_URL_Template__c: 'https://x.com/{handle}/status/{postId}',
    Sort_Order__c: 10,
    Case_Origin__c: 'Social',
  },
  {
    Network_Key__c: 'facebook',
    Name: 'Facebook',
    Icon__c: 'utility:like',
    Public_Reply_Limit__c: 8000,
    Length_Counting__c: 'Characters',
    Response_SLA_Minutes__c: 120,
    Supports_Private_Messages__c: true,
    Profile_URL_Template__c: 'https://www.facebook.com/{handle}',
    Post_URL_Template__c: 'https://www.facebook.com/{handle}/posts/{postId}',
    Sort_Order__c: 20,
    Case_Origin__c: 'Social',
  },
  {
    Network_Key__c: 'instagram',
    Name: 'Instagram',
    Icon__c: 'utility:photo',
    Public_Reply_Limit__c: 2200,
    Length_Counting__c: 'Characters',
    Response_SLA_Minutes__c: 120,
    Supports_Private_Messages__c: true,
    Profile_URL_Template__c: 'https://www.instagram.com/{handle}/',
    Post_URL_Template__c: 'https://www.instagram.com/p/{postId}/',
    Sort_Order__c: 30,
    Case_Origin__c: 'Social',
  },
  {
    Network_Key__c: 'linkedin',
    Name: 'LinkedIn',
    Icon__c: 'utility:company',
    Public_Reply_Limit__c: 1250,
    Length_Counting__c: 'Characters',
    Response_SLA_Minutes__c: 240,
    Supports_Private_Messages__c: true,
    Profile_URL_Template__c: 'https://www.linkedin.com/in/{handle}',
    Post_URL_Template__c: 'https://www.linkedin.com/feed/update/{postId}',
    Sort_Order__c: 40,
    Case_Origin__c: 'Social',
  },
  {
    Network_Key__c: 'youtube',
    Name: 'YouTube',
    Icon__c: 'utility:video',
    Public_Reply_Limit__c: 10000,
    Length_Counting__c: 'Characters',
    Response_SLA_Minutes__c: 480,
    Supports_Private_Messages__c: false,
    Profile_URL_Template__c: 'https://www.youtube.com/@{handle}',
    Post_URL_Template__c: 'https://www.youtube.com/watch?v={postId}',
    Sort_Order__c: 50,
    Case_Origin__c: 'Social',
  },
  {
    Network_Key__c: 'reddit',
    Name: 'Reddit',
    Icon__c: 'utility:comments',
    Public_Reply_Limit__c: 10000,
    Length_Counting__c: 'Characters',
    Response_SLA_Minutes__c: 240,
    Supports_Private_Messages__c: true,
    Profile_URL_Template__c: 'https://www.reddit.com/user/{handle}',
    Post_URL_Template__c: 'https://www.reddit.com/comments/{postId}',
    Sort_Order__c: 60,
    Case_Origin__c: 'Social',
  },
  {
    Network_Key__c: 'community',
    Name: 'Community',
    Icon__c: 'utility:groups',
    Public_Reply_Limit__c: 10000,
    Length_Counting__c: 'Characters',
    Response_SLA_Minutes__c: 240,
    Supports_Private_Messages__c: false,
    Profile_URL_Template__c: 'https://community.example.com/members/{handle}',
    Post_URL_Template__c: 'https://community.example.com/t/{postId}',
    Sort_Order__c: 70,
    Case_Origin__c: 'Social',
  },
];

export function channelByKey(key: string): DemoChannel {
  const channel = CHANNELS.find((entry) => entry.Network_Key__c === key);
  if (!channel) throw new Error(`No demo channel ${key}`);
  return channel;
}
